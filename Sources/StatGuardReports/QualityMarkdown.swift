import StatGuardCore

/// What `quality.md` reports about one load (data contract 3.4).
public struct QualityReportInput: Sendable {
    public var record: LoadRecord
    public var periodLabel: String
    public var reportingRate: ReportingRate?
    public var quarantine: [QuarantinedRow]
    public var findings: [Finding]
    /// Checks that could not run, with why (a missing optional input).
    public var skippedChecks: [(ruleID: RuleID, reason: String)]
    /// Names of region codes; towns and counties without one are listed once.
    public var regions = RegionNames()
    /// What pushing the digest did, per channel.
    public var deliveries: [DeliveryRecord] = []
    /// How the statisticians' verification stands, as the load saw it (nil: not reported).
    public var triage: TriageFigures?

    public init(
        record: LoadRecord, periodLabel: String, reportingRate: ReportingRate?, quarantine: [QuarantinedRow],
        findings: [Finding], skippedChecks: [(ruleID: RuleID, reason: String)] = [], triage: TriageFigures? = nil
    ) {
        self.record = record
        self.periodLabel = periodLabel
        self.reportingRate = reportingRate
        self.quarantine = quarantine
        self.findings = findings
        self.skippedChecks = skippedChecks
        self.triage = triage
    }
}

/// Renders `quality.md`: reporting rate, rows read/loaded/quarantined per file,
/// quarantine and findings per rule and category, the verification's progress (open cases
/// by town, share reviewed, days to a first decision, each rule's judged precision), top
/// regions by findings.
/// Timings are left to `run.json`, so a rerun on the same files gives the same bytes.
public enum QualityMarkdown {
    public static func render(_ input: QualityReportInput) -> String {
        var md = "# 数据质量报告 Data quality — \(MarkdownText.escape(input.record.pipeline)) \(input.periodLabel)\n\n"
        md += reportingRateSection(input)
        md += filesSection(input)
        md += quarantineSection(input.quarantine)
        md += checksSection(input.record.checks)
        md += findingsSection(input.findings)
        if let triage = input.triage { md += QualityMarkdown.triageSection(triage, findings: input.findings) }
        md += deliverySection(input.deliveries)
        md += topRegionsSection(input.findings, input.regions)
        return md
    }

    private static func reportingRateSection(_ input: QualityReportInput) -> String {
        let rate = input.reportingRate
        var md = "## 报送率 Reporting rate\n\n"
        guard let rate else { return md + "No register: the reporting rate cannot be computed.\n\n" }
        md += "应报 due \(rate.total.due), 已报 reported \(rate.total.reported), 报送率 rate \(NumberText.percent(rate.total.rate, signed: false)).\n\n"
        md += "| 乡镇 town | 应报 due | 已报 reported | 报送率 rate |\n| --- | ---: | ---: | ---: |\n"
        for (town, count) in rate.byTown {
            md += "| \(MarkdownText.escape(input.regions.label(town.townCode))) | \(count.due) | \(count.reported) | \(NumberText.percent(count.rate, signed: false)) |\n"
        }
        return md + "\n"
    }

    private static func filesSection(_ input: QualityReportInput) -> String {
        var md = "## 输入文件 Input files\n\n"
        md += "| 文件 file | 类型 kind | 编码 encoding | 读入 read | 入库 loaded | 隔离 quarantined |\n"
        md += "| --- | --- | --- | ---: | ---: | ---: |\n"
        for file in input.record.files {
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            md += "| \(MarkdownText.escape(name)) | \(file.kind) | \(file.encoding) | \(file.rowsRead) | \(file.rowsLoaded) | \(file.rowsQuarantined) |\n"
        }
        md += "\n"
        for file in input.record.files where !file.notices.isEmpty {
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            for notice in file.notices { md += "- \(MarkdownText.escape(name)): \(MarkdownText.escape(notice))\n" }
        }
        if !input.regions.isEmpty, let rate = input.reportingRate {
            let towns = rate.byTown.map(\.0.townCode)
            let unnamed = input.regions.unnamed(towns + towns.map { String($0.prefix(6)) })
            if !unnamed.isEmpty {
                let shown = unnamed.prefix(10).joined(separator: ", ") + (unnamed.count > 10 ? ", …" : "")
                md += "- regions.csv: \(unnamed.count) region code(s) have no name and show as the code alone: \(shown)\n"
            }
        }
        for skipped in input.record.skippedInputs {
            md += "- **\(MarkdownText.escape(skipped.kind)) not used**: \(MarkdownText.escape(skipped.reason)); the checks that need it are skipped.\n"
        }
        for check in input.skippedChecks {
            md += "- \(MarkdownText.escape(check.ruleID.rawValue)) skipped: \(MarkdownText.escape(check.reason))\n"
        }
        return md + "\n"
    }

    private static func quarantineSection(_ rows: [QuarantinedRow]) -> String {
        var md = "## 隔离行 Quarantined rows by rule\n\n"
        guard !rows.isEmpty else { return md + "No row was quarantined.\n\n" }
        let counts = rows.reduce(into: [StructureRule: Int]()) { $0[$1.rule, default: 0] += 1 }
        md += "| 规则 rule | 说明 meaning | 行数 rows |\n| --- | --- | ---: |\n"
        for (rule, count) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            md += "| \(rule.rawValue) | \(rule.titleZh) \(rule.title) | \(count) |\n"
        }
        return md + "\nEvery quarantined row is in `quarantine.csv` with its file, line and reason.\n\n"
    }

    private static func checksSection(_ checks: [LoadRecord.CheckTally]) -> String {
        var md = "## 审核规则执行情况 Checks: evaluated, passed, failed, not evaluated\n\n"
        guard !checks.isEmpty else { return md + "No checks ran.\n\n" }
        md += "| 规则 rule | 评估 evaluated | 通过 passed | 未通过 failed | 未评估 not evaluated | 原因 why not |\n"
        md += "| --- | ---: | ---: | ---: | ---: | --- |\n"
        for check in checks {
            if let skipped = check.skipped {
                md += "| \(MarkdownText.escape(check.ruleID.rawValue)) | — | — | — | — | skipped: \(MarkdownText.escape(skipped)) |\n"
                continue
            }
            let notEvaluated = check.notEvaluated.values.reduce(0, +)
            let why = check.notEvaluated.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            md += "| \(MarkdownText.escape(check.ruleID.rawValue)) | \(check.evaluated) | \(check.passed) | \(check.failed) | \(notEvaluated) | \(MarkdownText.escape(why)) |\n"
        }
        md += "\n"
        for check in checks where !check.notes.isEmpty {
            for note in check.notes { md += "- \(MarkdownText.escape(check.ruleID.rawValue)): \(MarkdownText.escape(note))\n" }
        }
        return md + "\n"
    }

    private static func findingsSection(_ findings: [Finding]) -> String {
        var md = "## 审核发现 Findings by category and rule\n\n"
        guard !findings.isEmpty else { return md + "No findings.\n\n" }
        md += "| 类别 category | 规则 rule | error | warning | info |\n| --- | --- | ---: | ---: | ---: |\n"
        var counts: [RuleID: [Severity: Int]] = [:]
        var category: [RuleID: FindingCategory] = [:]
        for f in findings {
            counts[f.ruleID, default: [:]][f.severity, default: 0] += 1
            category[f.ruleID] = f.category
        }
        for rule in counts.keys.sorted() {
            let c = counts[rule]!
            md += "| \(category[rule]!.rawValue) | \(MarkdownText.escape(rule.rawValue)) | \(c[.error] ?? 0) | \(c[.warning] ?? 0) | \(c[.info] ?? 0) |\n"
        }
        return md + "\n"
    }

    private static func deliverySection(_ deliveries: [DeliveryRecord]) -> String {
        guard !deliveries.isEmpty else { return "" }
        var md = "## 推送 Digests pushed\n\n| 渠道 channel | 类型 kind | 已发 parts | 次数 attempts | 结果 outcome |\n| --- | --- | ---: | ---: | --- |\n"
        for d in deliveries {
            let outcome = d.delivered ? "delivered"
                : "\(d.permanent ? "failed for good" : "failed"): \(d.errorCode ?? "") \(d.errorMessage ?? "")"
            md += "| \(MarkdownText.escape(d.channel)) | \(d.kind) | \(d.partsSent)/\(d.partsTotal) | \(d.attempts) | \(MarkdownText.escape(outcome)) |\n"
        }
        return md + "\n"
    }

    private static func topRegionsSection(_ findings: [Finding], _ regions: RegionNames) -> String {
        var md = "## 问题最多的地区 Top regions by findings\n\n"
        let byTown = findings.filter { $0.severity != .info && $0.regionCode.count >= 9 }
            .reduce(into: [String: Int]()) { $0[RegionCode.townCode(of: $1.regionCode), default: 0] += 1 }
        guard !byTown.isEmpty else { return md + "No warning or error findings.\n" }
        md += "| 乡镇 town | 发现 findings (warning + error) |\n| --- | ---: |\n"
        for (town, count) in byTown.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(10) {
            md += "| \(MarkdownText.escape(regions.label(town))) | \(count) |\n"
        }
        return md
    }
}
