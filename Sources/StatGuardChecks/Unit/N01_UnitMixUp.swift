import Foundation
import StatGuardCore
import StatGuardIngest

/// N01: a money figure about 10×, 1000×, 1/10 or 1/1000 of its own history (元/千元/万元 mix-up).
///
/// For gross output, sales output and export delivery, the reference is the
/// median of the enterprise's figures 1, 2, 3 and 12 periods back. Fires when
/// log10(value / reference) lies within `log_tolerance` of ±1 or ±3 and the
/// enterprise's electricity did not move alike (its ratio to its own history
/// stays within `electricity_band`): a real tenfold growth comes with tenfold
/// power. Without history: not evaluated. Other over/under/consistency findings
/// of an enterprise with a unit finding are dropped by the runner: the unit
/// error explains them.
public struct N01_UnitMixUp: Check {
    public static let logTolerance = CheckParameter("log_tolerance", default: 0.2, allowed: 0.01...0.5, "distance in log10 from an exact factor")
    public static let electricityBand = CheckParameter("electricity_band", default: 2, allowed: 1...100, "electricity change within which the figure's jump is not real")
    public static let descriptor = CheckDescriptor(
        ruleID: "N01", title: "figure off by a unit factor", titleZh: "计量单位疑似错误（元/千元/万元）",
        category: .unit, defaultSeverity: .error, parameters: [logTolerance, electricityBand])

    static let fields: [(field: ReportField, zh: String, en: String)] = [
        (.grossOutput, "工业总产值", "gross output"), (.salesOutput, "工业销售产值", "sales output"),
        (.exportDelivery, "出口交货值", "export delivery"),
    ]
    static let factors: [(exponent: Double, zh: String, en: String)] = [
        (1, "10倍，疑似以万元误填为千元", "10×: 万元 entered as 千元?"), (3, "1000倍，疑似以元误填为千元", "1000×: 元 entered as 千元?"),
        (-1, "1/10，疑似以千元误填为万元", "1/10: 千元 entered as 万元?"), (-3, "1/1000，疑似以千元误填为元", "1/1000: 千元 entered as 元?"),
    ]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.logTolerance)
        let band = settings.value(Self.electricityBand)
        let e = context.current(.electricity)
        let eHistory = PeriodHistory.reportLags.map { context.lagged(.electricity, $0) }
        let columns = Self.fields.map { entry in (entry, context.current(entry.field), PeriodHistory.reportLags.map { context.lagged(entry.field, $0) }) }
        for row in 0..<context.reports.count {
            let eReference = positiveMedian(eHistory[0][row], eHistory[1][row], eHistory[2][row], eHistory[3][row])
            let powerMoved = eReference > 0 && e[row] > 0 && (e[row] / eReference > band || eReference / e[row] > band)
            var found: [Finding] = []
            var evaluable = false
            for (entry, now, history) in columns {
                let reference = positiveMedian(history[0][row], history[1][row], history[2][row], history[3][row])
                guard reference > 0, now[row] > 0 else { continue }
                evaluable = true
                let exponent = log10(now[row] / reference)
                guard let factor = Self.factors.first(where: { abs(exponent - $0.exponent) < tolerance }) else { continue }
                if powerMoved && abs(factor.exponent) < 2 { continue }  // a real tenfold change moves electricity too
                let scale = pow(10, factor.exponent)
                let score = Scoring.score(
                    suspicion: 3, deviation: now[row] - now[row] / scale,
                    total: context.countyTotals.total(entry.field, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                    indicator: entry.field.spec.name, observed: Figures.amount(now[row]), expected: "≈ \(Figures.amount(reference))",
                    zh: "\(entry.zh)\(Figures.amount(now[row]))千元，为该企业近期水平\(Figures.amount(reference))千元的\(factor.zh)，请核实计量单位。",
                    en: "\(entry.en.prefix(1).uppercased() + entry.en.dropFirst()) \(Figures.amount(now[row])) is \(factor.en) its recent level \(Figures.amount(reference)) thousand yuan; check the unit.")))
            }
            if evaluable { result.record(found) } else { result.notEvaluated("no history of the figures") }
        }
    }
}
