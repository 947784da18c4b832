import StatGuardCore
import StatGuardIngest

/// C01: 出口交货值 greater than 工业销售产值 in the same report.
///
/// Export delivery is part of sales output, so it cannot exceed it. Fires when
/// export > sales × (1 + tolerance). Not evaluated when export is blank.
public struct C01_ExportExceedsSales: Check {
    public static let tolerance = CheckParameter("tolerance", default: 0.001, allowed: 0...0.5, "relative excess allowed for rounding")
    public static let descriptor = CheckDescriptor(
        ruleID: "C01", title: "export delivery above sales output", titleZh: "出口交货值大于工业销售产值",
        category: .consistency, defaultSeverity: .error, parameters: [tolerance])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.tolerance)
        let export = context.current(.exportDelivery)
        let sales = context.current(.salesOutput)
        for row in 0..<context.reports.count {
            guard !export[row].isNaN else { result.notEvaluated("export delivery blank"); continue }
            guard export[row] > sales[row] * (1 + tolerance) + 0.5 else { result.pass(); continue }
            let excess = export[row] - sales[row]
            let county = context.reports.regionCodes[row]
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: export[row], bound: max(sales[row], 1)), deviation: excess,
                total: context.countyTotals.total(.exportDelivery, county: county))
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: "export_delivery", observed: Figures.amount(export[row]), expected: "≤ \(Figures.amount(sales[row]))",
                zh: "出口交货值\(Figures.amount(export[row]))千元大于工业销售产值\(Figures.amount(sales[row]))千元，出口交货值应包含在销售产值内，请核实。",
                en: "Export delivery \(Figures.amount(export[row])) thousand yuan exceeds sales output \(Figures.amount(sales[row])); export is part of sales, verify both figures.")))
        }
    }
}
