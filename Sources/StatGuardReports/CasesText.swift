import Foundation
import StatGuardCore

/// `statguard cases` as JSON (one object per key occurrence, for scripts and the web
/// workbench) or as an aligned table for a terminal. `cases.csv`'s shape is ``CasesCSV``.
public enum CasesText {
    /// One key occurrence as JSON.
    struct Line: Encodable {
        let alert_key, case_id, period, name, region_code, town, rule_id, indicator, severity, status, status_label: String
        let credit_code: Nullable<String>
        let score: Double
        /// The figure the key's finding observed (what a decision is taken on), nil when not a number.
        let observed: Nullable<Double>
        let status_since: String
        let status_reason: String
        let carried_from: Nullable<String>
        let first_seen: String
        let occurrences: Int
        let `repeat`: Bool
        let message_zh, message_en, explanation: String
    }

    /// A JSON array of the cases' lines, case by case, keys sorted in each object.
    public static func json(_ cases: [AlertCase], _ renderer: FindingRenderer) -> [UInt8] {
        let lines = cases.flatMap { alertCase in
            alertCase.lines.map { line in
                let f = line.finding, s = line.status
                return Line(
                    alert_key: s.key.description, case_id: alertCase.id.description, period: s.period.description, name: f.name,
                    region_code: f.regionCode, town: alertCase.town, rule_id: f.ruleID.rawValue, indicator: f.indicator,
                    severity: f.severity.rawValue, status: s.status.rawValue, status_label: s.label, credit_code: Nullable(f.creditCode?.description),
                    score: s.score, observed: Nullable(s.observed), status_since: s.since.description, status_reason: s.reason, carried_from: Nullable(s.carriedFrom?.description),
                    first_seen: s.firstSeen.description, occurrences: s.occurrences, repeat: s.isRepeat,
                    message_zh: renderer.message(f, .zh), message_en: renderer.message(f, .en), explanation: alertCase.explanation)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(lines)) ?? Data("[]".utf8)) + [0x0A]
    }

    /// An aligned table: case rank, key, score, status, message; the enterprise's note under its case.
    public static func table(_ cases: [AlertCase], _ renderer: FindingRenderer) -> String {
        var rows: [[String]] = [["#", "alert_key", "score", "status", "message"]]
        var notes: [Int: String] = [:]
        for (rank, alertCase) in cases.enumerated() {
            for line in alertCase.lines {
                rows.append(["\(rank + 1)", line.key.description, AlertsCSV.formatScore(line.status.score), line.status.label,
                             oneLine(renderer.message(line.finding, .zh))])
            }
            if !alertCase.explanation.isEmpty { notes[rows.count - 1] = "填报说明: " + oneLine(alertCase.explanation) }
        }
        let widths = (0..<4).map { column in rows.map { DisplayWidth.columns($0[column]) }.max() ?? 0 }
        var text = ""
        for (i, row) in rows.enumerated() {
            for column in 0..<4 {
                text += row[column] + String(repeating: " ", count: widths[column] - DisplayWidth.columns(row[column]) + 2)
            }
            text += row[4] + "\n"
            if let note = notes[i] { text += String(repeating: " ", count: widths.reduce(8, +)) + note + "\n" }
        }
        return text + "\(cases.count) cases, \(rows.count - 1) alert keys.\n"
    }

    /// A value written as JSON `null` when absent (an absent optional would leave its key out).
    struct Nullable<T: Encodable>: Encodable {
        let value: T?
        init(_ value: T?) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    /// `text` with line breaks and other control characters as spaces.
    private static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }
}
