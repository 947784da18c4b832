import ArgumentParser
import Logging

/// Options every long-running command shares.
struct CommonOptions: ParsableArguments {
    @Flag(help: "No progress lines on stderr.")
    var quiet = false

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelArgument = .warning

    /// A logger writing to stderr at the chosen level.
    func makeLogger() -> Logger {
        var logger = Logger(label: "statguard") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel.level
        return logger
    }
}

/// The `--log-level` choices.
enum LogLevelArgument: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
    var level: Logger.Level { Logger.Level(rawValue: rawValue)! }
}
