import StatGuardCore

/// Renders `cases.csv` (data contract 3.5): one row per key occurrence, grouped into
/// cases (highest-scoring case first), read-only context first, then the columns a
/// statistician fills in Excel and imports with `statguard triage --import`: `status`
/// (the current one, to change), `reason`, `by`, `valid_until` and `verified_value` (blank).
public enum CasesCSV {
    public static let header = [
        "case_id", "alert_key", "period", "credit_code", "name", "region_code", "rule_id", "indicator", "severity", "score",
        "message_zh", "explanation", "status_since", "carried_from",
    ] + editableHeader

    /// The columns the import reads (`alert_key` besides).
    public static let editableHeader = ["status", "reason", "by", "valid_until", "verified_value"]

    /// The cases' lines, their messages written by `renderer`, or taken from `ranked` when
    /// it holds the line's finding (the run's reports share the texts alerts.csv wrote).
    public static func render(_ cases: [AlertCase], _ renderer: FindingRenderer, ranked: RankedFindings? = nil) -> [UInt8] {
        var csv = SpreadsheetCSV(header: header)
        for alertCase in cases {
            for line in alertCase.lines {
                let f = line.finding, s = line.status
                csv.append([
                    alertCase.id.description, s.key.description, s.period.description, f.creditCode?.description ?? "", f.name,
                    f.regionCode, f.ruleID.rawValue, f.indicator, f.severity.rawValue, AlertsCSV.formatScore(s.score),
                    ranked?.texts(of: line)?.messageZh ?? renderer.message(f, .zh), alertCase.explanation, s.since.description,
                    s.carriedFrom?.description ?? "", s.status.rawValue, "", "", "", "",
                ])
            }
        }
        return csv.bytes
    }
}
