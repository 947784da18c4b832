import StatGuardCore

/// C01: 出口交货值 greater than 工业销售产值 in the same report.
///
/// Export delivery is part of sales output, so it cannot exceed it. Fires when
/// export > sales × (1 + tolerance). Not evaluated when export is blank.
public struct C01_ExportExceedsSales: Check {
    public static let tolerance = CheckParameter("tolerance", default: 0.001, allowed: 0...0.5, "relative excess allowed for rounding")
    public static let entry = RuleEntry(
        "C01", category: .consistency, severity: .error,
        title: Bilingual(zh: "出口交货值大于工业销售产值", en: "export delivery above sales output"),
        meaning: Bilingual(
            zh: "出口交货值超过同期工业销售产值。", en: "Export delivery exceeds sales output in the same report."),
        why: Bilingual(
            zh: "出口交货值是销售产值的一部分，不可能更大；两者必有一个填错，影响汇总。",
            en: "Export delivery is part of sales output and cannot exceed it; one of the two is wrong and both feed the totals."),
        ask: Bilingual(
            zh: "请企业对照出口报关单和销售台账核对两项数字。", en: "Ask for the customs declarations and the sales ledger and check both figures."),
        parameters: [tolerance],
        messages: ["": FindingMessage(
            zh: "出口交货值{export:千元}千元大于工业销售产值{sales:千元}千元，出口交货值应包含在销售产值内，请核实。",
            en: "Export delivery {export:千元} thousand yuan exceeds sales output {sales:千元}; export is part of sales, verify both figures.",
            observed: "{export:千元}", expected: "≤ {sales:千元}",
            example: ["export": 5_200, "sales": 4_800])])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.tolerance)
        let export = context.current(.exportDelivery)
        let sales = context.current(.salesOutput)
        for row in 0..<context.reports.count {
            guard !export[row].isNaN else { result.notEvaluated("export delivery blank"); continue }
            guard export[row] > sales[row] * (1 + tolerance) + Scoring.roundingSlack else { result.pass(); continue }
            let excess = export[row] - sales[row]
            let county = context.reports.regionCodes[row]
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: export[row], bound: max(sales[row], 1)), deviation: excess,
                total: context.countyTotals.total(.exportDelivery, county: county))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "export_delivery", ["export": .number(export[row]), "sales": .number(sales[row])])))
        }
    }
}
