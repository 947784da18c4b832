import StatGuardCore
import StatGuardIngest

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
    public static let descriptor = CheckDescriptor(
        ruleID: "C03", title: "year-to-date chain broken", titleZh: "本年累计不衔接",
        category: .consistency, defaultSeverity: .warning, parameters: [relative, absolute])

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
                let basis = opensYear
                    ? ("年初首期累计应等于本月\(Figures.amount(month[row]))", "the first period of the year must equal the month, \(Figures.amount(month[row]))")
                    : ("上期累计\(Figures.amount(previous[row]))+本月\(Figures.amount(month[row]))=\(Figures.amount(expected))",
                       "last period's \(Figures.amount(previous[row])) + this month's \(Figures.amount(month[row])) = \(Figures.amount(expected))")
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: ytd[row], bound: expected), deviation: ytd[row] - expected,
                    total: context.countyTotals.total(pair.ytd, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                    indicator: pair.ytd.spec.name, observed: Figures.amount(ytd[row]), expected: Figures.amount(expected),
                    zh: "\(pair.zh)本年累计\(Figures.amount(ytd[row]))千元与\(basis.0)不衔接，请核实是否修订了上期数据。",
                    en: "Year-to-date \(pair.en) \(Figures.amount(ytd[row])) does not follow: \(basis.1); check whether an earlier month was revised.")))
            }
            result.record(found)
        }
    }
}
