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
    ///
    /// Sorts indices on keys taken once: comparing findings themselves copied them (and
    /// made a credit code's text) on every comparison, which a national period felt.
    public static func ranked(_ findings: [Finding]) -> [Finding] {
        let scores = findings.map(\.score), severities = findings.map(\.severity), rules = findings.map(\.ruleID)
        let codes = findings.map(\.creditCode), regions = findings.map(\.regionCode), indicators = findings.map(\.indicator)
        let order = findings.indices.sorted { i, j in
            if scores[i] != scores[j] { return scores[i] > scores[j] }
            if severities[i] != severities[j] { return severities[i] > severities[j] }
            if rules[i] != rules[j] { return rules[i] < rules[j] }
            if codes[i] != codes[j] {
                // A credit code's order is its text's (its characters' values rise with their ASCII codes).
                guard let x = codes[i] else { return true }
                guard let y = codes[j] else { return false }
                return x < y
            }
            if regions[i] != regions[j] { return regions[i] < regions[j] }
            return indicators[i] < indicators[j]
        }
        return order.map { findings[$0] }
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
