import StatGuardCore

/// U04: sales output far below the VAT invoiced sales of the month (少报).
///
/// Fires when sales output / invoiced sales < `low_ratio`. Not evaluated when
/// the enterprise has no admin row or its invoices are below `minimum_invoiced`.
public struct U04_SalesBelowInvoices: Check {
    public static let low = CheckParameter("low_ratio", default: 0.6, allowed: 0.01...1, "sales / invoiced sales below which it fires")
    public static let minimumInvoiced = CheckParameter("minimum_invoiced", default: 100, allowed: 0...1e9, "invoiced sales (千元) needed")
    public static let entry = RuleEntry(
        "U04", category: .under, severity: .warning,
        title: Bilingual(zh: "销售产值明显低于开票销售额", en: "sales output below invoiced sales"),
        meaning: Bilingual(
            zh: "企业填报的工业销售产值明显低于税务部门的增值税开票销售额。",
            en: "Reported sales output is far below the VAT invoiced sales the tax bureau holds."),
        why: Bilingual(
            zh: "开票销售额是第三方数据；销售产值远低于开票额，常见于少报销售产值。",
            en: "Invoiced sales are third-party figures; sales output far below them usually means sales are under-reported."),
        ask: Bilingual(
            zh: "请企业提供增值税纳税申报表，说明开票额与销售产值的差异（如贸易额、非工业收入）。",
            en: "Ask for the VAT returns and what explains the gap (trading, non-industrial income)."),
        parameters: [low, minimumInvoiced],
        messages: ["": FindingMessage(
            zh: "工业销售产值{sales:千元}千元，税务增值税开票销售额{invoiced:千元}千元，比值{ratio:×2}低于{bound:×2}，请核实。",
            en: "Sales output {sales:千元} thousand yuan against VAT invoiced sales {invoiced:千元}: ratio {ratio:×2} is below {bound:×2}; verify.",
            observed: "{sales:千元}", expected: "≥ {limit:千元} (×{bound:×2} invoiced)",
            example: ["sales": 3_000, "invoiced": 6_000, "ratio": 0.5, "bound": 0.6, "limit": 3_600])])
    public static let needs: Set<FileKind> = [.admin]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        SalesInvoiceComparison.evaluate(
            context, settings, entry: Self.entry, bound: settings.value(Self.low), below: true,
            minimumInvoiced: settings.value(Self.minimumInvoiced), into: &result)
    }
}

/// The comparison of sales output with VAT invoiced sales shared by U04 (below) and O03 (above).
enum SalesInvoiceComparison {
    static func evaluate(
        _ context: CheckContext, _ settings: CheckSettings, entry: RuleEntry, bound: Double, below: Bool,
        minimumInvoiced: Double, into result: inout CheckResult
    ) {
        let sales = context.current(.salesOutput)
        let invoiced = context.adminAligned(.invoicedSales)
        for row in 0..<context.reports.count {
            guard context.adminRows[row] >= 0 else { result.notEvaluated("no admin data for the enterprise"); continue }
            guard invoiced[row] >= minimumInvoiced else { result.notEvaluated("invoiced sales too small"); continue }
            let ratio = sales[row] / invoiced[row]
            guard below ? ratio < bound : ratio > bound else { result.pass(); continue }
            result.fail(finding(context, settings, entry, row: row, sales: sales[row], invoiced: invoiced[row], bound: bound, below: below))
        }
    }

    static func finding(
        _ context: CheckContext, _ settings: CheckSettings, _ entry: RuleEntry, row: Int, sales: Double,
        invoiced: Double, bound: Double, below: Bool
    ) -> Finding {
        let ratio = sales / invoiced
        let score = Scoring.score(
            suspicion: Scoring.suspicion(value: ratio, bound: bound), deviation: sales - invoiced,
            total: context.countyTotals.total(.salesOutput, county: context.reports.regionCodes[row]))
        return context.finding(reportRow: row, entry, settings, score: score, FindingFacts(indicator: "sales_output", [
            "sales": .number(sales), "invoiced": .number(invoiced), "ratio": .number(ratio), "bound": .number(bound),
            "limit": .number(invoiced * bound),
        ]))
    }
}
