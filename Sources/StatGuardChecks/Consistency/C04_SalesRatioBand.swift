import StatGuardCore
import StatGuardIngest

/// C04: 产销率 (sales output / gross output) outside a soft band, default [0.5, 1.5].
///
/// Aggregates sit near 0.9-1.05 and reach 101%; single enterprises swing with
/// stock, so this is a warning. Not evaluated when gross output is zero.
public struct C04_SalesRatioBand: Check {
    public static let low = CheckParameter("low", default: 0.5, allowed: 0...1, "lowest acceptable 产销率")
    public static let high = CheckParameter("high", default: 1.5, allowed: 1...10, "highest acceptable 产销率")
    public static let descriptor = CheckDescriptor(
        ruleID: "C04", title: "sales-to-output ratio outside its band", titleZh: "产销率异常",
        category: .consistency, defaultSeverity: .warning, parameters: [low, high])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let (low, high) = (settings.value(Self.low), settings.value(Self.high))
        let output = context.current(.grossOutput)
        let sales = context.current(.salesOutput)
        for row in 0..<context.reports.count {
            guard output[row] > 0 else { result.notEvaluated("gross output zero"); continue }
            let ratio = sales[row] / output[row]
            guard ratio < low || ratio > high else { result.pass(); continue }
            let bound = ratio < low ? low : high
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: ratio, bound: bound), deviation: sales[row] - output[row] * bound,
                total: context.countyTotals.total(.salesOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: "sales_output", observed: Figures.percent(ratio), expected: "\(Figures.percent(low))–\(Figures.percent(high))",
                zh: "产销率\(Figures.percent(ratio))（销售产值\(Figures.amount(sales[row]))/总产值\(Figures.amount(output[row]))千元）超出\(Figures.percent(low))–\(Figures.percent(high))，请核实库存变化。",
                en: "Sales-to-output ratio \(Figures.percent(ratio)) (sales \(Figures.amount(sales[row])) / output \(Figures.amount(output[row]))) is outside \(Figures.percent(low))–\(Figures.percent(high)); verify stock changes.")))
        }
    }
}
