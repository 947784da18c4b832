import StatGuardCore
import StatGuardIngest

/// C02: a 本年累计 figure smaller than its 本月 figure (gross output, sales output).
///
/// The year to date includes the month, so it cannot be smaller. Fires when
/// ytd < month × (1 − tolerance) − 0.5. Evaluated per enterprise over both pairs.
public struct C02_CumulativeBelowMonth: Check {
    public static let tolerance = CheckParameter("tolerance", default: 0.001, allowed: 0...0.5, "relative shortfall allowed for rounding")
    public static let descriptor = CheckDescriptor(
        ruleID: "C02", title: "year to date below the month", titleZh: "本年累计小于本月",
        category: .consistency, defaultSeverity: .error, parameters: [tolerance])

    static let pairs: [(month: ReportField, ytd: ReportField, zh: String, en: String)] = [
        (.grossOutput, .grossOutputYTD, "工业总产值", "gross output"),
        (.salesOutput, .salesOutputYTD, "工业销售产值", "sales output"),
    ]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.tolerance)
        let columns = Self.pairs.map { (context.current($0.month), context.current($0.ytd)) }
        for row in 0..<context.reports.count {
            var found: [Finding] = []
            for (pair, (month, ytd)) in zip(Self.pairs, columns) where ytd[row] < month[row] * (1 - tolerance) - 0.5 {
                let score = Scoring.score(
                    suspicion: 2, deviation: month[row] - ytd[row],
                    total: context.countyTotals.total(pair.month, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                    indicator: pair.ytd.spec.name, observed: Figures.amount(ytd[row]), expected: "≥ \(Figures.amount(month[row]))",
                    zh: "\(pair.zh)本年累计\(Figures.amount(ytd[row]))千元小于本月\(Figures.amount(month[row]))千元，请核实累计数。",
                    en: "Year-to-date \(pair.en) \(Figures.amount(ytd[row])) is below this month's \(Figures.amount(month[row])) thousand yuan; verify the cumulative figure.")))
            }
            result.record(found)
        }
    }
}
