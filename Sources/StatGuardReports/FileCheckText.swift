import StatGuardCore
import StatGuardIngest

/// The plain-text summary `statguard check` prints for each file.
public enum FileCheckText {
    /// How many quarantined rows are listed with their line before "… more".
    public static let listedRows = 10

    public static func render(_ result: FileReadResult) -> String {
        var lines: [String] = []
        let period = result.period.map { ", period \($0)" } ?? ""
        lines.append("\(result.file): \(result.kind.rawValue) (\(result.kind.title)), \(result.stream.encoding.rawValue)\(result.stream.hadByteOrderMark ? " with BOM" : "")\(period)")
        lines.append("  rows read \(result.rowsRead), loaded \(result.rowsLoaded), quarantined \(result.quarantined.count)")
        for (rule, count) in result.quarantineCounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            lines.append("  \(rule.rawValue) \(rule.title) (\(rule.titleZh)): \(count)")
        }
        for notice in result.notices {
            lines.append("  notice: \(notice)")
        }
        for row in result.quarantined.prefix(listedRows) {
            lines.append("  line \(row.line): \(row.reason)")
        }
        if result.quarantined.count > listedRows {
            lines.append("  … and \(result.quarantined.count - listedRows) more rows in quarantine.csv")
        }
        return lines.joined(separator: "\n")
    }
}
