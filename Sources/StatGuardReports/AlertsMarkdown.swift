import StatGuardCore

/// Renders `alerts.md`, the digest a statistician reads first: counts by category and
/// severity, the open cases (one enterprise or region each: one phone call) by score with
/// each key's message, status and the enterprise's own 填报说明, then the open cases per
/// town, then compactly the keys earlier decisions still settle and those a reload corrected.
public enum AlertsMarkdown {
    /// How many cases the top list shows.
    public static let topCount = 50
    /// How many cases each town's section shows (the rest are in cases.csv).
    public static let townCount = 20
    /// How many settled keys are listed (the rest are counted).
    public static let settledCount = 50

    /// - Parameters:
    ///   - cases: the findings' cases with their keys' statuses and the enterprises' 填报说明
    ///     (nil: every key open, no 填报说明).
    ///   - corrected: the entries of keys this period's reloads found corrected.
    public static func render(
        _ findings: [Finding], _ renderer: FindingRenderer, pipeline: String, periodLabel: String, cases: [AlertCase]? = nil,
        corrected: [AuditEntry] = []
    ) -> String {
        let cases = cases ?? AlertCase.cases(findings, statuses: [:])
        let open = cases.filter(\.isOpen)
        let settled = cases.flatMap(\.lines).filter { !$0.status.status.isInQueue }
        var md = "# 审核预警 Alerts — \(MarkdownText.escape(pipeline)) \(periodLabel)\n\n"
        md += "\(findings.count) findings in \(cases.count) cases (one enterprise or region each: one phone call); "
        md += "\(open.count) cases wait for verification, \(settled.count) keys are settled by a decision. "
        md += "Every finding is in `alerts.csv`; every case in `cases.csv`, whose `status`, `reason` and `by` you fill in and load with `statguard triage --import`.\n\n"
        md += countsTable(findings)
        md += "## 重点核实 Top \(min(topCount, open.count)) open cases by score\n\n"
        md += open.isEmpty ? "None.\n\n" : open.prefix(topCount).enumerated().map { caseBlock($1, rank: $0 + 1, renderer) }.joined()
        md += townSections(open, renderer.regions)
        md += settledSection(settled)
        md += correctedSection(corrected)
        return md
    }

    private static func countsTable(_ findings: [Finding]) -> String {
        var md = "## 按类别和严重程度 By category and severity\n\n"
        md += "| 类别 category | error | warning | info | 合计 total |\n| --- | ---: | ---: | ---: | ---: |\n"
        // Counted in one pass over the findings (filtering copied every finding once per category).
        var counts: [FindingCategory: [Severity: Int]] = [:]
        for finding in findings { counts[finding.category, default: [:]][finding.severity, default: 0] += 1 }
        for category in FindingCategory.allCases {
            guard let bySeverity = counts[category] else { continue }
            let n = Severity.allCases.map { bySeverity[$0] ?? 0 }
            md += "| \(category.rawValue) | \(n[0]) | \(n[1]) | \(n[2]) | \(bySeverity.values.reduce(0, +)) |\n"
        }
        return md + "\n"
    }

    /// A case: who and where, then one line per key with its message and status, then the enterprise's note.
    private static func caseBlock(_ alertCase: AlertCase, rank: Int, _ renderer: FindingRenderer) -> String {
        var md = "**\(rank). \(who(alertCase))** — 乡镇 town \(MarkdownText.escape(renderer.regions.label(alertCase.town))) — "
        md += "得分 score \(AlertsCSV.formatScore(alertCase.score)) — \(alertCase.lines.count)条\n\n"
        for line in alertCase.lines {
            let f = line.finding
            md += "- \(MarkdownText.escape(f.ruleID.rawValue)) \(f.severity.rawValue) \(AlertsCSV.formatScore(line.status.score)) "
            md += "· \(status(line.status)) · \(MarkdownText.escape(renderer.message(f, .zh)))\n"
        }
        if !alertCase.explanation.isEmpty { md += "- 填报说明 explanation: \(MarkdownText.escape(alertCase.explanation))\n" }
        return md + "\n"
    }

    private static func townSections(_ open: [AlertCase], _ regions: RegionNames) -> String {
        var md = "## 分乡镇 By town\n\n"
        let byTown = Dictionary(grouping: open, by: \.town)
        guard !byTown.isEmpty else { return md + "None.\n\n" }
        for code in byTown.keys.sorted() {
            let list = byTown[code]!
            md += "### \(code.isEmpty ? "未知地区 unknown region" : "乡镇 \(MarkdownText.escape(regions.label(code)))") (\(list.count))\n\n"
            md += "| # | 企业 enterprise | 规则 rules | 得分 score | 待核实 open keys |\n| ---: | --- | --- | ---: | ---: |\n"
            for (i, alertCase) in list.prefix(townCount).enumerated() {
                let rules = alertCase.lines.map { MarkdownText.escape($0.finding.ruleID.rawValue) }.joined(separator: ", ")
                let waiting = alertCase.lines.filter { $0.status.status.isInQueue }.count
                md += "| \(i + 1) | \(who(alertCase)) | \(rules) | \(AlertsCSV.formatScore(alertCase.score)) | \(waiting) |\n"
            }
            md += "\n"
            if list.count > townCount { md += "… and \(list.count - townCount) more for this town in cases.csv.\n\n" }
        }
        return md
    }

    /// Keys an earlier (or this period's) decision settles: not in the open queue.
    private static func settledSection(_ lines: [AlertCase.Line]) -> String {
        var md = "## 已决定 Settled by a decision (not in the open queue)\n\n"
        guard !lines.isEmpty else { return md + "None.\n\n" }
        let counts = TriageStatus.allCases.compactMap { status -> String? in
            let n = lines.filter { $0.status.status == status }.count
            return n == 0 ? nil : "\(status.zh) \(status.rawValue) \(n)"
        }
        md += counts.joined(separator: ", ") + ".\n\n"
        md += "| 键 alert key | 状态 status | 理由 reason |\n| --- | --- | --- |\n"
        for line in lines.sorted(by: { $0.status.score > $1.status.score }).prefix(settledCount) {
            md += "| `\(MarkdownText.escape(line.key.description))` | \(line.status.label) | \(MarkdownText.escape(line.status.reason)) |\n"
        }
        if lines.count > settledCount { md += "\n… and \(lines.count - settledCount) more in cases.csv.\n" }
        return md + "\n"
    }

    private static func correctedSection(_ entries: [AuditEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        var md = "## 已更正 Corrected by a resubmission (no longer firing)\n\n"
        for entry in entries {
            md += "- `\(MarkdownText.escape(entry.key.description))` \(entry.from.zh) → \(entry.to.zh): \(MarkdownText.escape(entry.reason))\n"
        }
        return md + "\n"
    }

    /// The status as a case line shows it, with why when it was reopened or is settled.
    private static func status(_ status: AlertStatus) -> String {
        status.reason.isEmpty ? status.label : "\(status.label)：\(MarkdownText.escape(status.reason))"
    }

    private static func who(_ alertCase: AlertCase) -> String {
        alertCase.creditCode.map { "\(MarkdownText.escape(alertCase.name)) `\($0)`" } ?? MarkdownText.escape(alertCase.name)
    }
}
