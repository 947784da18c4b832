import StatGuardCore

/// C07: the same figures as last period in several indicators (估报: estimated, not taken from the books).
///
/// Counts exact repeats of last period's non-zero gross output, sales output,
/// export delivery, electricity and energy; fires when at least `minimum_repeats`
/// of them repeat. Not evaluated without last period's report.
public struct C07_CopiedFigures: Check {
    public static let minimumRepeats = CheckParameter("minimum_repeats", default: 3, allowed: 2...5, "how many indicators must repeat exactly")
    public static let entry = RuleEntry(
        "C07", category: .consistency, severity: .warning,
        title: Bilingual(zh: "与上期数据雷同（疑似估报）", en: "figures copied from last period"),
        meaning: Bilingual(
            zh: "多项指标与上期完全相同。", en: "Several figures are exactly those of last period."),
        why: Bilingual(
            zh: "真实生产数据逐月波动，多项指标完全相同通常是照抄上期估报，而非取自账簿。",
            en: "Real figures move month to month; several identical ones are usually copied forward, not taken from the books."),
        ask: Bilingual(
            zh: "请企业提供本月财务报表和生产台账。", en: "Ask for this month's financial statements and production ledger."),
        parameters: [minimumRepeats],
        messages: ["": FindingMessage(
            zh: "{count:int}项指标（{fields:list}）与上期完全相同，疑似估报，请核对企业台账。",
            en: "{count:int} indicators ({fields:list}) are identical to last period; possibly estimated rather than taken from the books.",
            observed: "{count:int} identical", expected: "< {minimum:int} identical",
            example: ["count": 3, "fields": "gross_output+sales_output+electricity", "minimum": 3])])

    static let fields: [ReportField] = [.grossOutput, .salesOutput, .exportDelivery, .electricity, .energy]

    public static let history: HistoryNeeds = .reports(fields.map(\.spec.name), lags: [1])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.count(Self.minimumRepeats)
        let columns = Self.fields.map { (context.current($0), context.lagged($0, 1)) }
        let output = context.current(.grossOutput)
        for row in 0..<context.reports.count {
            guard context.lagRows[1]![row] >= 0 else { result.notEvaluated("no report last period"); continue }
            var repeated: [String] = []
            for (field, (now, before)) in zip(Self.fields, columns) where now[row] > 0 && now[row] == before[row] {
                repeated.append(field.spec.name)
            }
            guard repeated.count >= minimum else { result.pass(); continue }
            let score = Scoring.score(
                suspicion: Double(repeated.count) / Double(minimum), deviation: output[row] * 0.1,
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: repeated.joined(separator: "+"), [
                "count": .number(Double(repeated.count)), "fields": .text(repeated.joined(separator: "+")), "minimum": .number(Double(minimum)),
            ])))
        }
    }
}
