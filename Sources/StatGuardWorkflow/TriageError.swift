import StatGuardCore
import StatGuardIngest
import StatGuardStore

/// A triage that was refused; nothing of it was written.
public enum TriageError: Error, CustomStringConvertible {
    /// A decision given on the command line that cannot be taken.
    case invalid(String)
    /// An import file with rows that cannot be applied: each problem is `file:line: message`.
    case invalidImport(file: String, problems: [String])
    /// An import file that cannot be read at all.
    case unreadable(IngestError)
    case store(StoreError)

    public var description: String {
        switch self {
        case .invalid(let message):
            return message
        case .invalidImport(let file, let problems):
            let shown = problems.prefix(20).joined(separator: "\n")
            let more = problems.count > 20 ? "\n… and \(problems.count - 20) more" : ""
            return "'\(file)' was not applied (nothing of it was), \(problems.count) row\(problems.count == 1 ? "" : "s") to fix:\n\(shown)\(more)"
        case .unreadable(let error):
            return error.description
        case .store(let error):
            return error.description
        }
    }
}
