import StatGuardCore

/// Renders `alerts.md`, the digest a statistician reads first: counts by
/// category and severity, the top findings by score, then one section per town.
public enum AlertsMarkdown {
    /// How many findings the top list shows.
    public static let topCount = 50
    /// How many findings each town's section shows (the rest are in alerts.csv).
    public static let townCount = 20

    public static func render(_ findings: [Finding], _ renderer: FindingRenderer, pipeline: String, periodLabel: String) -> String {
        let ranked = AlertsCSV.ranked(findings)
        var md = "# 审核预警 Alerts — \(MarkdownText.escape(pipeline)) \(periodLabel)\n\n"
        md += "\(findings.count) findings; the full list, sorted by score, is in `alerts.csv`.\n\n"
        md += countsTable(findings)
        md += "## 重点核实 Top \(min(topCount, ranked.count)) by score\n\n"
        md += table(Array(ranked.prefix(topCount)), renderer, withTown: true)
        let byTown = Dictionary(grouping: ranked.filter { $0.scope == .enterprise || $0.regionCode.count >= 9 }) { town(of: $0) }
        md += "## 分乡镇 By town\n\n"
        for code in byTown.keys.sorted() {
            let list = byTown[code]!
            md += "### \(code.isEmpty ? "未知地区 unknown region" : "乡镇 \(MarkdownText.escape(renderer.regions.label(code)))") (\(list.count))\n\n"
            md += table(Array(list.prefix(townCount)), renderer, withTown: false)
            if list.count > townCount { md += "… and \(list.count - townCount) more for this town in alerts.csv.\n\n" }
        }
        return md
    }

    private static func countsTable(_ findings: [Finding]) -> String {
        var md = "## 按类别和严重程度 By category and severity\n\n"
        md += "| 类别 category | error | warning | info | 合计 total |\n| --- | ---: | ---: | ---: | ---: |\n"
        for category in FindingCategory.allCases {
            let list = findings.filter { $0.category == category }
            guard !list.isEmpty else { continue }
            let counts = Severity.allCases.map { severity in list.filter { $0.severity == severity }.count }
            md += "| \(category.rawValue) | \(counts[0]) | \(counts[1]) | \(counts[2]) | \(list.count) |\n"
        }
        return md + "\n"
    }

    private static func table(_ findings: [Finding], _ renderer: FindingRenderer, withTown: Bool) -> String {
        guard !findings.isEmpty else { return "None.\n\n" }
        var md = withTown ? "| # | 企业 enterprise | 乡镇 town | 规则 rule | 级别 | 得分 score | 说明 message |\n| ---: | --- | --- | --- | --- | ---: | --- |\n"
            : "| # | 企业 enterprise | 规则 rule | 级别 | 得分 score | 说明 message |\n| ---: | --- | --- | --- | ---: | --- |\n"
        for (i, f) in findings.enumerated() {
            let who = f.creditCode.map { "\(MarkdownText.escape(f.name)) `\($0)`" } ?? MarkdownText.escape(renderer.subject(f))
            let townCell = withTown ? " \(MarkdownText.escape(renderer.regions.label(town(of: f)))) |" : ""
            md += "| \(i + 1) | \(who) |\(townCell) \(MarkdownText.escape(f.ruleID.rawValue)) | \(f.severity.rawValue) | \(AlertsCSV.formatScore(f.score)) | \(MarkdownText.escape(renderer.message(f, .zh))) |\n"
        }
        return md + "\n"
    }

    private static func town(of finding: Finding) -> String {
        RegionCode.townCode(of: finding.regionCode)
    }

}
