import Foundation
import StatGuardCore

/// Quarantined rows by rule, each with its file, line and located reason.
enum QualityPage {
    /// At most this many rows are listed per rule; the counts cover all.
    static let rowsPerRule = 200

    static func render(viewer: Viewer, rows: [QuarantinedRow], hiddenOutsideRegion: Int) -> String {
        let h = Layout.h
        var body = Layout.heading("\(viewer.period) 数据质量", "Quarantined rows by rule")
        if hiddenOutsideRegion > 0 {
            body += "<p class=\"muted\">另有 \(hiddenOutsideRegion) 行无法确定属于您的辖区，未列出（由管理员处理）。 \(hiddenOutsideRegion) rows whose region cannot be read are shown to admins only.</p>"
        }
        let byRule = Dictionary(grouping: rows, by: \.rule).sorted { $0.key.rawValue < $1.key.rawValue }
        if byRule.isEmpty { body += "<p class=\"muted\">本期没有隔离行。 No quarantined rows.</p>" }
        for (rule, list) in byRule {
            body += "<h3>\(h(rule.rawValue)) <small>\(list.count) 行 rows</small></h3>"
            body += Layout.table(["文件 File", "行 Line", "原因 Reason", "原始内容 Cells"], list.prefix(rowsPerRule).map {
                [h($0.sourceFile), String($0.line), h($0.reason), h($0.cells.joined(separator: " | "))]
            })
            if list.count > rowsPerRule { body += "<p class=\"muted\">仅列出前 \(rowsPerRule) 行，全部见 quarantine.csv。</p>" }
        }
        return Layout.page(title: "数据质量", viewer: viewer, path: "/quality", body: body)
    }

    /// Whether a quarantined row carries a region code (a 12-digit cell) inside `region`; nil when it carries none.
    static func region(of row: QuarantinedRow, within region: String) -> Bool? {
        let codes = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.utf8.count == 12 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard !codes.isEmpty else { return nil }
        return codes.contains { $0.hasPrefix(region) }
    }
}
