import StatGuardCore


/// Renders `quarantine.csv` (data contract 3.2): every row that was not loaded.
///
/// Columns: `source_file`, `line`, `rule_id`, `reason`, then the row's original
/// cells verbatim as `cell_1` … `cell_N` (N is the widest quarantined row), since
/// rows of different files have different headers.
public enum QuarantineCSV {
    public static func render(_ rows: [QuarantinedRow]) -> [UInt8] {
        let width = rows.map(\.cells.count).max() ?? 0
        var csv = SpreadsheetCSV(header: ["source_file", "line", "rule_id", "reason"] + (0..<width).map { "cell_\($0 + 1)" })
        for row in rows {
            let name = row.sourceFile.split(separator: "/").last.map(String.init) ?? row.sourceFile
            csv.append([name, String(row.line), row.rule.rawValue, row.reason] + row.cells
                + Array(repeating: "", count: width - row.cells.count))
        }
        return csv.bytes
    }
}
