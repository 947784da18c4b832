import ArgumentParser
import Foundation

/// The `statguard` command: parses, wires the stages, and maps failures to exit codes.
@main
struct StatGuard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statguard",
        abstract: "Validate monthly industrial enterprise reports: structure, consistency, omission and falsification checks.",
        version: StatGuardVersion.current,
        subcommands: [
            CheckCommand.self, RunCommand.self, ReportCommand.self, HistoryCommand.self, CasesCommand.self, TriageCommand.self,
            ExplainCommand.self, LetterCommand.self, NotifyCommand.self, UsersCommand.self, ServeCommand.self, SampleCommand.self,
            EvaluateCommand.self,
        ]
    )

    /// Runs the command line with the documented exit codes (see ``ExitStatus``).
    static func main() {
        MemoryPolicy.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data(("statguard: " + failure.message + "\n").utf8))
            Foundation.exit(failure.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            let status: ExitStatus = code == .validationFailure ? .usage : .internalFailure
            Foundation.exit(status.rawValue)
        }
    }
}

/// The version printed by `--version` and recorded with each load.
enum StatGuardVersion {
    static let current = "0.1.0"
}
