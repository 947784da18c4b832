import Foundation
import StatGuardCore

/// N01: a money figure about 10×, 1000×, 1/10 or 1/1000 of its own history (元/千元/万元 mix-up).
///
/// For gross output, sales output and export delivery, the reference is the
/// median of the enterprise's figures 1, 2, 3 and 12 periods back. Fires when
/// log10(value / reference) lies within `log_tolerance` of ±1 or ±3 and the
/// enterprise's electricity did not move alike (its ratio to its own history
/// stays within `electricity_band`): a real tenfold growth comes with tenfold
/// power. The same test is made on value / reference net of the electricity's own
/// change, so a unit error in a month when the plant really ran less (1000 × 60%)
/// is still seen as 1000×. Without history: not evaluated. Other over/under/consistency findings
/// of an enterprise with a unit finding are dropped by the runner: the unit
/// error explains them.
public struct N01_UnitMixUp: Check {
    public static let logTolerance = CheckParameter("log_tolerance", default: 0.2, allowed: 0.01...0.5, "distance in log10 from an exact factor")
    public static let electricityBand = CheckParameter("electricity_band", default: 2, allowed: 1...100, "electricity change within which the figure's jump is not real")
    public static let entry = RuleEntry(
        "N01", category: .unit, severity: .error,
        title: Bilingual(zh: "计量单位疑似错误（元/千元/万元）", en: "figure off by a unit factor"),
        meaning: Bilingual(
            zh: "总产值、销售产值或出口交货值约为该企业近期水平（前1、2、3期和上年同期的中位数）的10倍、1000倍、1/10或1/1000，而用电量没有同样变化。",
            en: "Gross output, sales output or export delivery is about 10×, 1000×, 1/10 or 1/1000 of the enterprise's recent level (median of 1, 2, 3 and 12 periods back) while its electricity did not move alike."),
        why: Bilingual(
            zh: "把元或万元误当千元填报，会使汇总数差出数量级；这是最常见也最容易核实的差错。",
            en: "A figure entered in 元 or 万元 instead of 千元 throws the totals off by orders of magnitude; the commonest error, and the easiest to verify."),
        ask: Bilingual(
            zh: "请企业确认填报单位是否为千元，并更正后重新报送。", en: "Ask the enterprise whether it entered 千元, and to resubmit corrected figures."),
        parameters: [logTolerance, electricityBand],
        messages: [
            "10": FindingMessage(
                zh: "{field:field}{value:千元}千元，为该企业近期水平{reference:千元}千元的10倍，疑似以万元误填为千元，请核实计量单位。",
                en: "{field:Field} {value:千元} is 10×: 万元 entered as 千元? its recent level {reference:千元} thousand yuan; check the unit.",
                observed: "{value:千元}", expected: "≈ {reference:千元}",
                example: ["field": "gross_output", "value": 125000, "reference": 12600]),
            "1000": FindingMessage(
                zh: "{field:field}{value:千元}千元，为该企业近期水平{reference:千元}千元的1000倍，疑似以元误填为千元，请核实计量单位。",
                en: "{field:Field} {value:千元} is 1000×: 元 entered as 千元? its recent level {reference:千元} thousand yuan; check the unit.",
                observed: "{value:千元}", expected: "≈ {reference:千元}",
                example: ["field": "gross_output", "value": 12400000, "reference": 12500]),
            "0.1": FindingMessage(
                zh: "{field:field}{value:千元}千元，为该企业近期水平{reference:千元}千元的1/10，疑似以千元误填为万元，请核实计量单位。",
                en: "{field:Field} {value:千元} is 1/10: 千元 entered as 万元? its recent level {reference:千元} thousand yuan; check the unit.",
                observed: "{value:千元}", expected: "≈ {reference:千元}",
                example: ["field": "gross_output", "value": 1260, "reference": 12500]),
            "0.001": FindingMessage(
                zh: "{field:field}{value:千元}千元，为该企业近期水平{reference:千元}千元的1/1000，疑似以千元误填为元，请核实计量单位。",
                en: "{field:Field} {value:千元} is 1/1000: 千元 entered as 元? its recent level {reference:千元} thousand yuan; check the unit.",
                observed: "{value:千元}", expected: "≈ {reference:千元}",
                example: ["field": "gross_output", "value": 12.6, "reference": 12500]),
        ])

    static let fields: [ReportField] = [.grossOutput, .salesOutput, .exportDelivery]
    /// The factors looked for, each with the message variant that names it.
    static let factors: [(exponent: Double, variant: String)] = [(1, "10"), (3, "1000"), (-1, "0.1"), (-3, "0.001")]

    public static let history: HistoryNeeds = .reports(["electricity"] + fields.map(\.spec.name), lags: PeriodHistory.reportLags)

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.logTolerance)
        let band = settings.value(Self.electricityBand)
        let e = context.current(.electricity)
        let eHistory = PeriodHistory.reportLags.map { context.lagged(.electricity, $0) }
        let columns = Self.fields.map { field in (field, context.current(field), PeriodHistory.reportLags.map { context.lagged(field, $0) }) }
        for row in 0..<context.reports.count {
            let eReference = positiveMedian(eHistory[0][row], eHistory[1][row], eHistory[2][row], eHistory[3][row])
            let powerMoved = eReference > 0 && e[row] > 0 && (e[row] / eReference > band || eReference / e[row] > band)
            let powerShift = eReference > 0 && e[row] > 0 && !powerMoved ? log10(e[row] / eReference) : 0
            var found: [Finding] = []
            var evaluable = false
            for (field, now, history) in columns {
                let reference = positiveMedian(history[0][row], history[1][row], history[2][row], history[3][row])
                guard reference > 0, now[row] > 0 else { continue }
                evaluable = true
                let exponent = log10(now[row] / reference)
                guard let factor = Self.factors.first(where: { abs(exponent - $0.exponent) < tolerance || abs(exponent - powerShift - $0.exponent) < tolerance })
                else { continue }
                if powerMoved && abs(factor.exponent) < 2 { continue }  // a real tenfold change moves electricity too
                let scale = pow(10, factor.exponent)
                let score = Scoring.score(
                    suspicion: Scoring.unitSuspicion, deviation: now[row] - now[row] / scale,
                    total: context.countyTotals.total(field, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: field.spec.name, variant: factor.variant, [
                    "field": .text(field.spec.name), "value": .number(now[row]), "reference": .number(reference),
                ])))
            }
            if evaluable { result.record(found) } else { result.notEvaluated("no history of the figures") }
        }
    }
}
