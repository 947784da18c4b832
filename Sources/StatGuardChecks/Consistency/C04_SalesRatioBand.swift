import StatGuardCore

/// C04: 产销率 (sales output / gross output) outside a soft band, default [0.5, 1.5].
///
/// Aggregates sit near 0.9-1.05 and reach 101%; single enterprises swing with
/// stock, so this is a warning. Not evaluated when gross output is zero.
public struct C04_SalesRatioBand: Check {
    public static let low = CheckParameter("low", default: 0.5, allowed: 0...1, "lowest acceptable 产销率")
    public static let high = CheckParameter("high", default: 1.5, allowed: 1...10, "highest acceptable 产销率")
    public static let entry = RuleEntry(
        "C04", category: .consistency, severity: .warning,
        title: Bilingual(zh: "产销率异常", en: "sales-to-output ratio outside its band"),
        meaning: Bilingual(
            zh: "产销率（工业销售产值/工业总产值）超出正常区间。",
            en: "The sales-to-output ratio (sales output / gross output) lies outside its band."),
        why: Bilingual(
            zh: "产销率通常在0.9–1.05之间；过低或过高说明产值或销售产值可能虚报、漏报，或库存剧烈变化。",
            en: "The ratio normally lies within 0.9–1.05; far outside it, output or sales may be misreported, or stocks moved sharply."),
        ask: Bilingual(
            zh: "请企业提供产成品库存变化和销售台账。", en: "Ask for the change in finished-goods stock and the sales ledger."),
        parameters: [low, high],
        messages: ["": FindingMessage(
            zh: "产销率{ratio:%}（销售产值{sales:千元}/总产值{output:千元}千元）超出{low:%}–{high:%}，请核实库存变化。",
            en: "Sales-to-output ratio {ratio:%} (sales {sales:千元} / output {output:千元}) is outside {low:%}–{high:%}; verify stock changes.",
            observed: "{ratio:%}", expected: "{low:%}–{high:%}",
            example: ["ratio": 0.31, "sales": 3_100, "output": 10_000, "low": 0.5, "high": 1.5])])

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
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "sales_output", [
                "ratio": .number(ratio), "sales": .number(sales[row]), "output": .number(output[row]), "low": .number(low),
                "high": .number(high),
            ])))
        }
    }
}
