import StatGuardCore
import StatGuardIngest

/// O07: 上年同期 reported lower than what the store holds for that month (压低基数).
///
/// Compares the 上年同期 figures of this report (gross output for the month and
/// the year to date) with the enterprise's own report a year ago. Fires when
/// the reported base is below the stored one by more than `tolerance`. Not
/// evaluated without the report a year ago or without the 上年同期 figure.
public struct O07_LoweredBase: Check {
    public static let tolerance = CheckParameter("tolerance", default: 0.05, allowed: 0...1, "relative shortfall of the reported base allowed (revisions)")
    public static let descriptor = CheckDescriptor(
        ruleID: "O07", title: "prior-year base reported lower than stored", titleZh: "上年同期数低于上年实报数（疑似压低基数）",
        category: .over, defaultSeverity: .warning, parameters: [tolerance])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.tolerance)
        let pairs: [(reported: ReportField, stored: ReportField, zh: String, en: String)] = [
            (.grossOutputLastYear, .grossOutput, "工业总产值上年同期", "prior-year gross output"),
            (.grossOutputYTDLastYear, .grossOutputYTD, "工业总产值上年同期累计", "prior-year year-to-date gross output"),
        ]
        let columns = pairs.map { (context.current($0.reported), context.lagged($0.stored, 12)) }
        let x = context.current(.grossOutput)
        for row in 0..<context.reports.count {
            guard context.lagRows[12]![row] >= 0 else { result.notEvaluated("no report a year ago"); continue }
            guard columns.contains(where: { !$0.0[row].isNaN }) else { result.notEvaluated("上年同期 blank"); continue }
            var found: [Finding] = []
            for (pair, (reported, stored)) in zip(pairs, columns) {
                guard !reported[row].isNaN, stored[row] > 0, reported[row] < stored[row] * (1 - tolerance) - 0.5 else { continue }
                let inflatedGrowth = Figures.percent(x[row] / (pair.stored == .grossOutput ? reported[row] : stored[row]) - 1)
                let trueGrowth = Figures.percent(x[row] / stored[row] - 1)
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: stored[row], bound: reported[row]), deviation: stored[row] - reported[row],
                    total: context.countyTotals.total(pair.stored == .grossOutput ? .grossOutput : .grossOutputYTD, county: context.reports.regionCodes[row]))
                let growthZh = pair.stored == .grossOutput ? "按此计算同比\(inflatedGrowth)，按上年实报数为\(trueGrowth)，" : ""
                let growthEn = pair.stored == .grossOutput ? " Growth becomes \(inflatedGrowth) instead of \(trueGrowth)." : ""
                found.append(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                    indicator: pair.reported.spec.name, observed: Figures.amount(reported[row]), expected: Figures.amount(stored[row]),
                    zh: "填报\(pair.zh)\(Figures.amount(reported[row]))千元，低于该企业上年同期实报\(Figures.amount(stored[row]))千元，\(growthZh)疑似压低基数，请核实。",
                    en: "Reported \(pair.en) \(Figures.amount(reported[row])) thousand yuan is below the \(Figures.amount(stored[row])) the enterprise reported a year ago; a lowered base.\(growthEn)")))
            }
            result.record(found)
        }
    }
}
