import Foundation
import StatGuardCore
import StatGuardIngest

/// An import file of decisions, as Excel saves `cases.csv` after a statistician filled
/// its `status`, `reason` and `by` columns: UTF-8 with or without BOM, or GB18030, LF or
/// CRLF. Columns `alert_key`, `status`, `reason` and `by` are required, `valid_until` and
/// `verified_value` optional; every other column is read-only context and ignored.
struct TriageImport {
    /// A row of the file as a decision, with its physical line.
    struct Row {
        var line: Int
        var decision: Decision
    }

    static let required = ["alert_key", "status", "reason", "by"]
    static let optional = ["valid_until", "verified_value"]

    var rows: [Row] = []
    /// `line: message` for every row that cannot be a decision.
    var problems: [(line: Int, message: String)] = []

    /// Reads `path`; a file without the required columns is one problem on line 1.
    static func read(path: String) throws(IngestError) -> TriageImport {
        var result = TriageImport()
        var columns: [String: Int] = [:]
        var sawHeader = false
        _ = try CSVFileStream(path: path).read { raw in
            let cells = raw.strings.map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                sawHeader = true
                for (i, name) in cells.enumerated() { columns[name.lowercased()] = columns[name.lowercased()] ?? i }
                let missing = required.filter { columns[$0] == nil }
                if !missing.isEmpty {
                    result.problems.append((raw.line, "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (the header needs alert_key, status, reason, by)"))
                    return false
                }
                return true
            }
            guard cells.contains(where: { !$0.isEmpty }) else { return true }
            func cell(_ name: String) -> String { columns[name].flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
            switch decision(cell) {
            case .success(let decision): result.rows.append(Row(line: raw.line, decision: decision))
            case .failure(let problem): result.problems.append((raw.line, problem.message))
            }
            return true
        }
        if !sawHeader { result.problems.append((1, "the file is empty; it needs a header alert_key,status,reason,by")) }
        return result
    }

    /// One row's decision, or what is wrong with it.
    static func decision(_ cell: (String) -> String) -> Result<Decision, DecisionProblem> {
        let keyText = cell("alert_key")
        guard let key = AlertKey(keyText) else {
            return .failure(DecisionProblem("'\(keyText)' is not an alert key (subject/rule/indicator, as cases.csv writes it)"))
        }
        let statusText = cell("status")
        guard let status = TriageStatus(rawValue: statusText) else {
            return .failure(DecisionProblem(Triage.unknownStatus(statusText)))
        }
        var validUntil: Period?
        let untilText = cell("valid_until")
        if !untilText.isEmpty {
            guard let period = Period(untilText) else { return .failure(DecisionProblem("valid_until '\(untilText)' is not a period such as 2025-06")) }
            validUntil = period
        }
        var verified: Double?
        var valueText = cell("verified_value")
        if !valueText.isEmpty {
            switch valueText.withUTF8({ parseNumber($0) }) {
            case .value(let value): verified = value
            case .missing: break
            case .invalid: return .failure(DecisionProblem("verified_value '\(valueText)' is not a number"))
            case .outOfRange: return .failure(DecisionProblem("verified_value '\(valueText)' is beyond any figure an enterprise can have"))
            }
        }
        return .success(Decision(key: key, status: status, reason: cell("reason"), by: cell("by"), validUntil: validUntil, verifiedValue: verified))
    }
}
