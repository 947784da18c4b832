import StatGuardCore

/// Renders `alerts.csv` (data contract 3.1): one row per finding, highest score first,
/// then the verification workflow's columns: the finding's key and its status.
public enum AlertsCSV {
    public static let header = [
        "period", "scope", "credit_code", "name", "region_code", "industry_code", "rule_id", "category",
        "severity", "score", "indicator", "observed", "expected", "message_zh", "message_en",
    ] + workflowHeader

    /// The columns added with the verification workflow.
    public static let workflowHeader = ["alert_key", "status", "status_reason", "first_seen", "occurrences"]

    /// The findings, highest score first, their texts written from the catalog by `renderer`.
    /// - Parameter statuses: the statuses of the period's keys; a finding whose key has none is open, first seen now.
    public static func render(_ findings: [Finding], _ renderer: FindingRenderer, statuses: AlertStatuses = [:]) -> [UInt8] {
        render(RankedFindings(findings, renderer), statuses: statuses)
    }

    /// The ranked findings with the texts they were given.
    public static func render(_ ranked: RankedFindings, statuses: AlertStatuses = [:]) -> [UInt8] {
        var csv = SpreadsheetCSV(header: header)
        for (index, f) in ranked.findings.enumerated() {
            let texts = ranked.texts[index]
            csv.append([
                f.period.description, f.scope.rawValue, f.creditCode?.description ?? "", texts.subject, f.regionCode,
                f.industryCode, f.ruleID.rawValue, f.category.rawValue, f.severity.rawValue, formatScore(f.score), f.indicator,
                texts.observed, texts.expected, texts.messageZh, texts.messageEn,
            ] + workflowCells(status(of: f, key: ranked.keys[index], statuses)))
        }
        return csv.bytes
    }

    /// The status of a finding's key, or a new open one.
    static func status(of finding: Finding, key: AlertKey, _ statuses: AlertStatuses) -> AlertStatus {
        statuses[key] ?? .new(key, period: finding.period, observed: nil, score: finding.score)
    }

    /// The workflow columns of a finding whose key has `status`.
    static func workflowCells(_ status: AlertStatus) -> [String] {
        [status.key.description, status.status.rawValue, status.reason, status.firstSeen.description, "\(status.occurrences)"]
    }

    /// Findings by score (highest first), then severity, rule, enterprise and region, so the order is stable.
    public static func ranked(_ findings: [Finding]) -> [Finding] { AlertCase.ranked(findings) }

    /// Scores with six significant decimals, no exponent.
    static func formatScore(_ score: Double) -> String {
        if score == 0 || !score.isFinite { return "0" }
        var text = CFormat.fixed(score, decimals: 6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
