import StatGuardCore

/// Renders `alerts.csv` (data contract 3.1): one row per finding, highest score first.
public enum AlertsCSV {
    public static let header = [
        "period", "scope", "credit_code", "name", "region_code", "industry_code", "rule_id", "category",
        "severity", "score", "indicator", "observed", "expected", "message_zh", "message_en",
    ]

    /// The findings, highest score first, their texts written from the catalog by `renderer`.
    public static func render(_ findings: [Finding], _ renderer: FindingRenderer) -> [UInt8] {
        var csv = SpreadsheetCSV(header: header)
        for f in ranked(findings) {
            csv.append([
                f.period.description, f.scope.rawValue, f.creditCode?.description ?? "", renderer.subject(f), f.regionCode,
                f.industryCode, f.ruleID.rawValue, f.category.rawValue, f.severity.rawValue, formatScore(f.score), f.indicator,
                renderer.observed(f), renderer.expected(f), renderer.message(f, .zh), renderer.message(f, .en),
            ])
        }
        return csv.bytes
    }

    /// Findings by score (highest first), then severity, rule, enterprise and region, so the order is stable.
    public static func ranked(_ findings: [Finding]) -> [Finding] {
        findings.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.severity != b.severity { return a.severity > b.severity }
            if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
            let codeA = a.creditCode?.description ?? "", codeB = b.creditCode?.description ?? ""
            if codeA != codeB { return codeA < codeB }
            if a.regionCode != b.regionCode { return a.regionCode < b.regionCode }
            return a.indicator < b.indicator
        }
    }

    /// Scores with six significant decimals, no exponent.
    static func formatScore(_ score: Double) -> String {
        if score == 0 || !score.isFinite { return "0" }
        var text = String(format: "%.6f", score)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
