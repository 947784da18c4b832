import StatGuardCore

extension QualityMarkdown {
    /// `## 核实情况`: this period's cases by town, last period's share reviewed, the median days
    /// to a first decision, and per rule the precision statisticians judged beside its findings.
    static func triageSection(_ triage: TriageFigures, findings: [Finding]) -> String {
        var md = "## 核实情况 Verification\n\n"
        md += "本期 This period: \(triage.cases) cases, \(triage.openCases) open; \(triage.keys) alert keys, "
        md += "\(triage.carriedKeys) settled by an earlier decision that still holds.\n"
        if let last = triage.lastPeriod {
            let share = triage.lastPeriodKeys == 0 ? Double.nan : Double(triage.lastPeriodReviewed) / Double(triage.lastPeriodKeys)
            md += "上期 \(last): \(triage.lastPeriodReviewed) of \(triage.lastPeriodKeys) keys reviewed (\(NumberText.percent(share, signed: false))).\n"
        }
        if let days = triage.medianDaysToFirstDecision {
            md += "Median days from a period's load to the first decision on a key: \(NumberText.fixed(days, decimals: 1)).\n\n"
        } else {
            md += "No decision has been recorded yet (`statguard triage`).\n\n"
        }
        if !triage.towns.isEmpty {
            md += "| 乡镇 town | 案件 cases | 待核实 open |\n| --- | ---: | ---: |\n"
            for town in triage.towns {
                md += "| \(MarkdownText.escape(town.code.isEmpty ? "—" : town.code)) | \(town.cases) | \(town.openCases) |\n"
            }
            md += "\n"
        }
        let counts = findings.reduce(into: [RuleID: Int]()) { $0[$1.ruleID, default: 0] += 1 }
        let judged = Dictionary(triage.precision.map { ($0.ruleID, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = Set(counts.keys).union(judged.keys).sorted()
        guard !rules.isEmpty else { return md }
        md += "Judged precision = confirmed or corrected ÷ decided (confirmed, corrected, explained, false alarm), over every decision so far.\n\n"
        md += "| 规则 rule | 本期发现 findings | 已决定 decided | 属实 true | 判定准确率 judged precision |\n| --- | ---: | ---: | ---: | ---: |\n"
        for rule in rules {
            let p = judged[rule]
            let precision = p.map { NumberText.percent($0.precision, signed: false) } ?? "—"
            md += "| \(MarkdownText.escape(rule.rawValue)) | \(counts[rule] ?? 0) | \(p?.decided ?? 0) | \(p?.trueAlerts ?? 0) | \(precision) |\n"
        }
        return md + "\n"
    }
}
