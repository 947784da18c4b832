import StatGuardCore
import StatGuardIngest

/// U04: sales output far below the VAT invoiced sales of the month (少报).
///
/// Fires when sales output / invoiced sales < `low_ratio`. Not evaluated when
/// the enterprise has no admin row or its invoices are below `minimum_invoiced`.
public struct U04_SalesBelowInvoices: Check {
    public static let low = CheckParameter("low_ratio", default: 0.6, allowed: 0.01...1, "sales / invoiced sales below which it fires")
    public static let minimumInvoiced = CheckParameter("minimum_invoiced", default: 100, allowed: 0...1e9, "invoiced sales (千元) needed")
    public static let descriptor = CheckDescriptor(
        ruleID: "U04", title: "sales output below invoiced sales", titleZh: "销售产值明显低于开票销售额",
        category: .under, defaultSeverity: .warning, parameters: [low, minimumInvoiced])
    public static let needs: Set<FileKind> = [.admin]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        SalesInvoiceComparison.evaluate(
            context, settings, descriptor: Self.descriptor, bound: settings.value(Self.low), below: true,
            minimumInvoiced: settings.value(Self.minimumInvoiced), into: &result)
    }
}

/// The comparison of sales output with VAT invoiced sales shared by U04 (below) and O03 (above).
enum SalesInvoiceComparison {
    static func evaluate(
        _ context: CheckContext, _ settings: CheckSettings, descriptor: CheckDescriptor, bound: Double, below: Bool,
        minimumInvoiced: Double, into result: inout CheckResult
    ) {
        let sales = context.current(.salesOutput)
        let invoiced = context.adminAligned(.invoicedSales)
        for row in 0..<context.reports.count {
            guard context.adminRows[row] >= 0 else { result.notEvaluated("no admin data for the enterprise"); continue }
            guard invoiced[row] >= minimumInvoiced else { result.notEvaluated("invoiced sales too small"); continue }
            let ratio = sales[row] / invoiced[row]
            guard below ? ratio < bound : ratio > bound else { result.pass(); continue }
            result.fail(finding(context, settings, descriptor, row: row, sales: sales[row], invoiced: invoiced[row], bound: bound, below: below))
        }
    }

    static func finding(
        _ context: CheckContext, _ settings: CheckSettings, _ descriptor: CheckDescriptor, row: Int, sales: Double,
        invoiced: Double, bound: Double, below: Bool
    ) -> Finding {
        let ratio = sales / invoiced
        let score = Scoring.score(
            suspicion: Scoring.suspicion(value: ratio, bound: bound), deviation: sales - invoiced,
            total: context.countyTotals.total(.salesOutput, county: context.reports.regionCodes[row]))
        return context.finding(reportRow: row, descriptor, settings, score: score, FindingText(
            indicator: "sales_output", observed: Figures.amount(sales),
            expected: "\(below ? "≥" : "≤") \(Figures.amount(invoiced * bound)) (×\(Figures.ratio(bound)) invoiced)",
            zh: "工业销售产值\(Figures.amount(sales))千元，税务增值税开票销售额\(Figures.amount(invoiced))千元，比值\(Figures.ratio(ratio))\(below ? "低于" : "高于")\(Figures.ratio(bound))，请核实。",
            en: "Sales output \(Figures.amount(sales)) thousand yuan against VAT invoiced sales \(Figures.amount(invoiced)): ratio \(Figures.ratio(ratio)) is \(below ? "below" : "above") \(Figures.ratio(bound)); verify."))
    }
}
