import StatGuardCore

/// C02: a 本年累计 figure smaller than its 本月 figure (gross output, sales output).
///
/// The year to date includes the month, so it cannot be smaller. Fires when
/// ytd < month × (1 − tolerance) − 0.5. Evaluated per enterprise over both pairs.
public struct C02_CumulativeBelowMonth: Check {
    public static let tolerance = CheckParameter("tolerance", default: 0.001, allowed: 0...0.5, "relative shortfall allowed for rounding")
    public static let entry = RuleEntry(
        "C02", category: .consistency, severity: .error,
        title: Bilingual(zh: "本年累计小于本月", en: "year to date below the month"),
        meaning: Bilingual(
            zh: "某项指标的本年累计数小于本月数。", en: "A year-to-date figure is smaller than the month's figure."),
        why: Bilingual(
            zh: "累计数包含本月，不可能更小；累计汇总因此失真。",
            en: "The year to date includes the month, so it cannot be smaller; the cumulative totals are wrong."),
        ask: Bilingual(
            zh: "请企业核对累计数的口径和计算。", en: "Ask the enterprise how it computed the year-to-date figure."),
        parameters: [tolerance],
        messages: ["": FindingMessage(
            zh: "{field:field}本年累计{ytd:千元}千元小于本月{month:千元}千元，请核实累计数。",
            en: "Year-to-date {field:field} {ytd:千元} is below this month's {month:千元} thousand yuan; verify the cumulative figure.",
            observed: "{ytd:千元}", expected: "≥ {month:千元}",
            example: ["field": "gross_output", "ytd": 1_200, "month": 3_400])])

    static let pairs: [(month: ReportField, ytd: ReportField)] = [(.grossOutput, .grossOutputYTD), (.salesOutput, .salesOutputYTD)]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.tolerance)
        let columns = Self.pairs.map { (context.current($0.month), context.current($0.ytd)) }
        for row in 0..<context.reports.count {
            var found: [Finding] = []
            for (pair, (month, ytd)) in zip(Self.pairs, columns) where ytd[row] < month[row] * (1 - tolerance) - Scoring.roundingSlack {
                let score = Scoring.score(
                    suspicion: Scoring.contradictionSuspicion, deviation: month[row] - ytd[row],
                    total: context.countyTotals.total(pair.month, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: pair.ytd.spec.name, [
                    "field": .text(pair.month.spec.name), "ytd": .number(ytd[row]), "month": .number(month[row]),
                ])))
            }
            result.record(found)
        }
    }
}
