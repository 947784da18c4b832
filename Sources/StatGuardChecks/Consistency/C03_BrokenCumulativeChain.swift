import StatGuardCore

/// C03: the 本年累计 chain is broken: last period's 累计 + this 本月 ≠ this 累计.
///
/// For the first period of the year (1-2月, or January when months are not
/// combined) the 累计 must equal the 本月. Otherwise the enterprise's report of
/// the previous reporting period is needed; without it the unit is not
/// evaluated. Fires when |expected − ytd| > max(absolute, relative × ytd), for
/// gross output and sales output. A revision of last month also breaks the chain,
/// hence a warning. The score weighs the gap against the county's 累计 of the same figure.
public struct C03_BrokenCumulativeChain: Check {
    public static let relative = CheckParameter("relative_tolerance", default: 0.005, allowed: 0...0.5, "relative gap allowed")
    public static let absolute = CheckParameter("absolute_tolerance", default: 1, allowed: 0...1_000_000, "gap allowed in 千元 (rounding)")
    public static let entry = RuleEntry(
        "C03", category: .consistency, severity: .warning,
        title: Bilingual(zh: "本年累计不衔接", en: "year-to-date chain broken"),
        meaning: Bilingual(
            zh: "上期本年累计加本月不等于本期本年累计（年初首期累计应等于本月）。",
            en: "Last period's year to date plus this month does not equal this year to date (the year's first period must equal its month)."),
        why: Bilingual(
            zh: "累计不衔接说明上期数据被修订或本期填报有误，两者都会改变已公布的累计数。",
            en: "A broken chain means an earlier month was revised or this report is wrong; either changes published cumulative figures."),
        ask: Bilingual(
            zh: "请企业说明是否修订了上期数据，并提供修订依据。", en: "Ask whether an earlier month was revised, and on what evidence."),
        parameters: [relative, absolute],
        messages: [
            "": FindingMessage(
                zh: "{field:field}本年累计{ytd:千元}千元与上期累计{previous:千元}+本月{month:千元}={expected:千元}不衔接，请核实是否修订了上期数据。",
                en: "Year-to-date {field:field} {ytd:千元} does not follow: last period's {previous:千元} + this month's {month:千元} = {expected:千元}; check whether an earlier month was revised.",
                observed: "{ytd:千元}", expected: "{expected:千元}",
                example: ["field": "gross_output", "ytd": 9_000, "previous": 6_000, "month": 2_000, "expected": 8_000]),
            "opens_year": FindingMessage(
                zh: "{field:field}本年累计{ytd:千元}千元与年初首期累计应等于本月{month:千元}不衔接，请核实是否修订了上期数据。",
                en: "Year-to-date {field:field} {ytd:千元} does not follow: the first period of the year must equal the month, {month:千元}; check whether an earlier month was revised.",
                observed: "{ytd:千元}", expected: "{month:千元}",
                example: ["field": "sales_output", "ytd": 4_100, "month": 3_900]),
        ])

    public static let history: HistoryNeeds = .reports(["gross_output_ytd", "sales_output_ytd"], lags: [1])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let relative = settings.value(Self.relative)
        let absolute = settings.value(Self.absolute)
        let opensYear = context.calendar.opensYear(context.period)
        let columns = C02_CumulativeBelowMonth.pairs.map { pair in
            (pair, context.current(pair.month), context.current(pair.ytd), opensYear ? [] : context.lagged(pair.ytd, 1))
        }
        for row in 0..<context.reports.count {
            if !opensYear && context.lagRows[1]![row] < 0 { result.notEvaluated("no report last period"); continue }
            var found: [Finding] = []
            for (pair, month, ytd, previous) in columns {
                let expected = opensYear ? month[row] : previous[row] + month[row]
                guard expected.isFinite, abs(expected - ytd[row]) > max(absolute, relative * abs(ytd[row])) else { continue }
                var slots: FindingSlots = ["field": .text(pair.month.spec.name), "ytd": .number(ytd[row]), "month": .number(month[row])]
                if !opensYear {
                    slots["previous"] = .number(previous[row])
                    slots["expected"] = .number(expected)
                }
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: ytd[row], bound: expected), deviation: ytd[row] - expected,
                    total: context.countyTotals.total(pair.ytd, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: pair.ytd.spec.name, variant: opensYear ? "opens_year" : "", slots)))
            }
            result.record(found)
        }
    }
}
