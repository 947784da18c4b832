import StatGuardCore
import StatGuardIngest
import StatGuardStore

/// Why a monthly job stopped. Each maps to one documented exit code.
public enum JobError: Error, CustomStringConvertible, Sendable {
    /// A required input (reports, register) is absent.
    case missingInput(kind: String, path: String)
    /// A required input file is unusable as a whole.
    case unusableInput(IngestError)
    /// The store is locked by another run, or cannot be opened or written.
    case store(StoreError)
    /// The period has not been loaded into the store.
    case notLoaded(period: String, store: String)
    /// Writing a report file failed.
    case reportWrite(path: String, message: String)

    public var description: String {
        switch self {
        case .missingInput(let kind, let path):
            return "the \(kind) file for this period is missing: \(path) does not exist"
        case .unusableInput(let error):
            return error.description
        case .store(let error):
            return error.description
        case .notLoaded(let period, let store):
            return "period \(period) is not loaded in the store \(store); load it with 'statguard run' first"
        case .reportWrite(let path, let message):
            return "cannot write the report \(path): \(message)"
        }
    }
}
