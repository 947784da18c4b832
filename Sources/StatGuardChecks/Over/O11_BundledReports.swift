import StatGuardCore

/// O11: several enterprises reporting identical figures in the same month (打捆重复报送).
///
/// Groups reports by (gross output, sales output, electricity, employees) among
/// those with output ≥ `minimum_output`; every member of a group of two or more is flagged.
public struct O11_BundledReports: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 1000, allowed: 0...1e9, "output (千元) from which identical figures count")
    public static let entry = RuleEntry(
        "O11", category: .over, severity: .warning,
        title: Bilingual(zh: "多家企业数据完全相同（疑似打捆重复报送）", en: "identical figures from several enterprises"),
        meaning: Bilingual(
            zh: "同一期内多家企业的总产值、销售产值、用电量和从业人员四项完全相同。",
            en: "Several enterprises report exactly the same gross output, sales output, electricity and employees in one period."),
        why: Bilingual(
            zh: "不同企业四项指标偶然完全相同几乎不可能；常见于同一业务拆分多户重复报送或代填代报。",
            en: "Independent enterprises cannot match on four figures by chance; one business reported several times, or reports filled in for others, can."),
        ask: Bilingual(
            zh: "请分别核实这些企业的财务报表和生产台账，确认是否为同一业务。",
            en: "Check each enterprise's statements and ledgers and whether they are one business."),
        parameters: [minimumOutput],
        messages: ["": FindingMessage(
            zh: "总产值、销售产值、用电量、从业人员四项与其他{others_count:int}家企业完全相同（{others}），疑似打捆重复报送，请核实。",
            en: "Gross output, sales output, electricity and employees are identical to {others_count:int} other enterprise(s) ({others}); possibly one business reported several times.",
            observed: "{output:千元}", expected: "figures of its own",
            example: ["others_count": 1, "others": "91110000101623741K 某某焦化有限公司", "output": 12_000])])

    /// How many of the other members a message names.
    static let namesListed = 5

    struct Figures4: Hashable {
        var output, sales, electricity, employees: Double
    }

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.value(Self.minimumOutput)
        let x = context.current(.grossOutput), s = context.current(.salesOutput)
        let e = context.current(.electricity), people = context.current(.employees)
        var groups: [Figures4: [Int]] = [:]
        for row in 0..<context.reports.count {
            guard x[row] >= minimum else { result.notEvaluated("output below minimum"); continue }
            groups[Figures4(output: x[row], sales: s[row], electricity: e[row], employees: people[row]), default: []].append(row)
        }
        for (figures, rows) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard rows.count >= 2 else { result.pass(); continue }
            // Name a few of the others, not all: a group can be large, and each member gets its own message.
            let listed = rows.prefix(Self.namesListed + 1)
            for row in rows {
                let named = listed.filter { $0 != row }.prefix(Self.namesListed)
                    .map { "\(context.reports.creditCodes[$0]) \(context.reports[text: ReportField.name][$0])" }
                let others = named.joined(separator: "; ") + (rows.count - 1 > named.count ? "; …" : "")
                let score = Scoring.score(
                    suspicion: Scoring.capped(Double(rows.count)), deviation: figures.output,
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "gross_output+sales_output+electricity+employees", [
                    "others_count": .number(Double(rows.count - 1)), "others": .text(others), "output": .number(figures.output),
                ])))
            }
        }
    }
}
