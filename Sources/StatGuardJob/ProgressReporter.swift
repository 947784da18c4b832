import StatGuardCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One line per finished stage on stderr (stage, rows, rows/s), shown only when
/// stderr is a terminal and the user did not ask for quiet, so cron mail stays clean.
public struct ProgressReporter: Sendable {
    public let enabled: Bool

    public init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func stage(_ period: String, _ name: String, rows: Int?, seconds: Double) {
        guard enabled else { return }
        var line = "\(period) \(name): \(String(format: "%.2f", seconds)) s"
        if let rows, rows > 0 {
            line += ", \(rows) rows"
            if seconds > 0 { line += String(format: ", %.0f rows/s", Double(rows) / seconds) }
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
