import StatGuardCore
import StatGuardIngest

/// O03: figures far above what other agencies measured: sales output above VAT
/// invoiced sales (`sales_high_ratio`), or reported electricity above the grid's
/// meter (`electricity_high_ratio`). Each comparison is evaluated when the admin
/// figure is at least its minimum.
public struct O03_AboveAdministrativeRecords: Check {
    public static let salesHigh = CheckParameter("sales_high_ratio", default: 1.6, allowed: 1...100, "sales / invoiced sales above which it fires")
    public static let electricityHigh = CheckParameter("electricity_high_ratio", default: 1.3, allowed: 1...100, "reported / grid electricity above which it fires")
    public static let minimumGrid = CheckParameter("minimum_grid_electricity", default: 1, allowed: 0...1e9, "grid electricity (万千瓦时) needed")
    public static let descriptor = CheckDescriptor(
        ruleID: "O03", title: "figures above tax or grid records", titleZh: "销售产值或用电量明显高于税务、电网数据",
        category: .over, defaultSeverity: .warning,
        parameters: [salesHigh, electricityHigh, U04_SalesBelowInvoices.minimumInvoiced, minimumGrid])
    public static let needs: Set<FileKind> = [.admin]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let salesBound = settings.value(Self.salesHigh)
        let powerBound = settings.value(Self.electricityHigh)
        let minimumInvoiced = settings.value(U04_SalesBelowInvoices.minimumInvoiced)
        let minimumGrid = settings.value(Self.minimumGrid)
        let sales = context.current(.salesOutput)
        let electricity = context.current(.electricity)
        let invoiced = context.adminAligned(.invoicedSales)
        let grid = context.adminAligned(.gridElectricity)
        for row in 0..<context.reports.count {
            guard context.adminRows[row] >= 0 else { result.notEvaluated("no admin data for the enterprise"); continue }
            var found: [Finding] = []
            if invoiced[row] >= minimumInvoiced, sales[row] / invoiced[row] > salesBound {
                found.append(SalesInvoiceComparison.finding(
                    context, settings, Self.descriptor, row: row, sales: sales[row], invoiced: invoiced[row], bound: salesBound, below: false))
            }
            if grid[row] >= minimumGrid, electricity[row] / grid[row] > powerBound {
                let ratio = electricity[row] / grid[row]
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: ratio, bound: powerBound),
                    deviation: context.current(.grossOutput)[row] * (1 - 1 / ratio),
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                    indicator: "electricity", observed: Figures.amount(electricity[row]), expected: "≤ \(Figures.amount(grid[row] * powerBound))",
                    zh: "填报工业用电量\(Figures.amount(electricity[row]))万千瓦时，电网售电量仅\(Figures.amount(grid[row]))万千瓦时（比值\(Figures.ratio(ratio))），用电量疑似虚增以配合产值，请核实。",
                    en: "Reported electricity \(Figures.amount(electricity[row])) 万kWh against \(Figures.amount(grid[row])) metered by the grid (ratio \(Figures.ratio(ratio))); electricity may be inflated to match output.")))
            }
            result.record(found)
        }
    }
}
