import StatGuardCore

/// O03: figures far above what other agencies measured: sales output above VAT
/// invoiced sales (`sales_high_ratio`), or reported electricity above the grid's
/// meter (`electricity_high_ratio`). Each comparison is evaluated when the admin
/// figure is at least its minimum.
public struct O03_AboveAdministrativeRecords: Check {
    public static let salesHigh = CheckParameter("sales_high_ratio", default: 1.6, allowed: 1...100, "sales / invoiced sales above which it fires")
    public static let electricityHigh = CheckParameter("electricity_high_ratio", default: 1.3, allowed: 1...100, "reported / grid electricity above which it fires")
    public static let minimumGrid = CheckParameter("minimum_grid_electricity", default: 1, allowed: 0...1e9, "grid electricity (万千瓦时) needed")
    public static let entry = RuleEntry(
        "O03", category: .over, severity: .warning,
        title: Bilingual(zh: "销售产值或用电量明显高于税务、电网数据", en: "figures above tax or grid records"),
        meaning: Bilingual(
            zh: "填报的工业销售产值明显高于增值税开票销售额，或填报的用电量明显高于电网售电量。",
            en: "Reported sales output is far above VAT invoiced sales, or reported electricity far above what the grid metered."),
        why: Bilingual(
            zh: "税务和电网数据由第三方记录；填报数远高于它们，说明销售产值虚增，或用电量被抬高以配合虚增的产值。",
            en: "Tax and grid figures are recorded by third parties; reports far above them mean inflated sales, or electricity raised to match inflated output."),
        ask: Bilingual(
            zh: "请企业提供增值税纳税申报表和电费结算单，说明差异。", en: "Ask for the VAT returns and the electricity settlement, and what explains the gap."),
        parameters: [salesHigh, electricityHigh, U04_SalesBelowInvoices.minimumInvoiced, minimumGrid],
        messages: [
            "": FindingMessage(
            zh: "工业销售产值{sales:千元}千元，税务增值税开票销售额{invoiced:千元}千元，比值{ratio:×2}高于{bound:×2}，请核实。",
            en: "Sales output {sales:千元} thousand yuan against VAT invoiced sales {invoiced:千元}: ratio {ratio:×2} is above {bound:×2}; verify.",
            observed: "{sales:千元}", expected: "≤ {limit:千元} (×{bound:×2} invoiced)",
            example: ["sales": 9_000, "invoiced": 6_000, "ratio": 1.5, "bound": 1.3, "limit": 7_800]),
            "electricity": FindingMessage(
                zh: "填报工业用电量{electricity:万千瓦时}万千瓦时，电网售电量仅{grid:万千瓦时}万千瓦时（比值{ratio:×2}），用电量疑似虚增以配合产值，请核实。",
                en: "Reported electricity {electricity:万千瓦时} 万kWh against {grid:万千瓦时} metered by the grid (ratio {ratio:×2}); electricity may be inflated to match output.",
                observed: "{electricity:万千瓦时}", expected: "≤ {limit:万千瓦时}",
                example: ["electricity": 130, "grid": 80, "ratio": 1.63, "limit": 104]),
        ])
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
                    context, settings, Self.entry, row: row, sales: sales[row], invoiced: invoiced[row], bound: salesBound, below: false))
            }
            if grid[row] >= minimumGrid, electricity[row] / grid[row] > powerBound {
                let ratio = electricity[row] / grid[row]
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: ratio, bound: powerBound),
                    deviation: context.current(.grossOutput)[row] * (1 - 1 / ratio),
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "electricity", variant: "electricity", [
                    "electricity": .number(electricity[row]), "grid": .number(grid[row]), "ratio": .number(ratio),
                    "limit": .number(grid[row] * powerBound),
                ])))
            }
            result.record(found)
        }
    }
}
