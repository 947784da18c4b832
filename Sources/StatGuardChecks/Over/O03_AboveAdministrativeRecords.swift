import StatGuardCore

/// O03: figures far above what other agencies measured: sales output above VAT invoiced
/// sales, or reported electricity above the grid's meter.
///
/// Each comparison is made two ways. Against a fixed bound (`sales_high_ratio`,
/// `electricity_high_ratio`): a gap that large needs explaining whatever the enterprise's
/// habits. And against the enterprise's own history (``EnterpriseBaseline``): an enterprise's
/// sales-to-invoice and electricity-to-meter ratios are stable month to month, so a ratio
/// `history_sales_ratio` (`history_electricity_ratio`) times its own level, net of what its
/// class shared, and beyond `spread_z` times its own spread, is news even when the
/// ratio itself looks ordinary (over-reporting by 30% on an enterprise whose ratio is 1.0).
/// The same period last year must agree by `agreement` of that excess, so that the month
/// after a run of anomalous months (which raised the level) is not flagged. Sales a little
/// less far above their level and their ratio a year ago (`corroborated_ratio`, both) fire
/// when output over electricity, electricity over the grid's meter, or sales over output (产销率)
/// departed upward as far from both too: money raised against both a physical and a third-party
/// record, or sales raised against both the invoices and the output they were made from (real
/// sales out of stock are invoiced too). Enterprises with fewer than two
/// earlier periods are judged on the fixed bounds only (quality.md counts them). Each
/// comparison needs its admin figure to be at least its minimum.
public struct O03_AboveAdministrativeRecords: Check {
    public static let salesHigh = CheckParameter("sales_high_ratio", default: 1.6, allowed: 1...100, "sales / invoiced sales above which it fires")
    public static let electricityHigh = CheckParameter("electricity_high_ratio", default: 1.3, allowed: 1...100, "reported / grid electricity above which it fires")
    public static let minimumGrid = CheckParameter("minimum_grid_electricity", default: 1, allowed: 0...1e9, "grid electricity (万千瓦时) needed")
    public static let historySales = CheckParameter(
        "history_sales_ratio", default: 1.2, allowed: 1...100, "sales / invoiced sales over the enterprise's own level (net of its class) above which it fires")
    public static let historyElectricity = CheckParameter(
        "history_electricity_ratio", default: 1.12, allowed: 1...100, "reported / grid electricity over the enterprise's own level above which it fires")
    public static let corroborated = CheckParameter(
        "corroborated_ratio", default: 1.12, allowed: 1...100,
        "sales / invoices over its own level above which it fires when output / electricity, electricity / grid or sales / output rose as far")
    public static let agreement = CheckParameter(
        "agreement", default: 0.5, allowed: 0...1, "share of the excess the same period last year must show too")
    public static let spreadZ = CheckParameter("spread_z", default: 3, allowed: 0...100, "own spreads a departure must also exceed")
    public static let spreadFloor = CheckParameter("spread_floor", default: 0.02, allowed: 0...1, "least relative spread of an enterprise's history")
    public static let entry = RuleEntry(
        "O03", category: .over, severity: .warning,
        title: Bilingual(zh: "销售产值或用电量明显高于税务、电网数据", en: "figures above tax or grid records"),
        meaning: Bilingual(
            zh: "填报的工业销售产值明显高于增值税开票销售额，或填报的用电量明显高于电网售电量；或二者之比明显高于该企业自身的常态（本行业同期变动已扣除）。",
            en: "Reported sales output is far above VAT invoiced sales, or reported electricity far above what the grid metered; or their ratio is far above the enterprise's own usual one (its class's shift removed)."),
        why: Bilingual(
            zh: "税务和电网数据由第三方记录，企业自身的比值逐月稳定；填报数远高于它们或突然偏离自身常态，说明销售产值虚增，或用电量被抬高以配合虚增的产值。",
            en: "Tax and grid figures are recorded by third parties, and an enterprise's own ratio to them is stable month to month; reports far above them, or suddenly off its own ratio, mean inflated sales, or electricity raised to match inflated output."),
        ask: Bilingual(
            zh: "请企业提供增值税纳税申报表和电费结算单，说明差异。", en: "Ask for the VAT returns and the electricity settlement, and what explains the gap."),
        parameters: [salesHigh, electricityHigh, U04_SalesBelowInvoices.minimumInvoiced, minimumGrid, historySales, historyElectricity,
                     corroborated, agreement, spreadZ, spreadFloor, O01_AboveElectricityImpliedOutput.electricityMove],
        messages: [
            "": FindingMessage(
                zh: "工业销售产值{sales:千元}千元，税务增值税开票销售额{invoiced:千元}千元，比值{ratio:×2}高于{bound:×2}，请核实。",
                en: "Sales output {sales:千元} thousand yuan against VAT invoiced sales {invoiced:千元}: ratio {ratio:×2} is above {bound:×2}; verify.",
                observed: "{sales:千元}", expected: "≤ {limit:千元} (×{bound:×2} invoiced)",
                example: ["sales": 9_000, "invoiced": 6_000, "ratio": 1.5, "bound": 1.3, "limit": 7_800]),
            "history": FindingMessage(
                zh: "工业销售产值{sales:千元}千元，为增值税开票销售额{invoiced:千元}千元的{ratio:×2}倍，而该企业此前通常为{level:×2}倍，扣除本行业同期变动后高出{departure:×2}倍，请核实。",
                en: "Sales output {sales:千元} thousand yuan is {ratio:×2}× its invoiced sales {invoiced:千元}, where the enterprise's own history puts it at {level:×2}×: {departure:×2} its usual ratio, its class's shift removed; verify.",
                observed: "{sales:千元}", expected: "≈ {expected:千元} (its usual ×{level:×2} invoiced)",
                example: ["sales": 7_800, "invoiced": 6_000, "ratio": 1.3, "level": 1.01, "departure": 1.28, "expected": 6_060]),
            "corroborated": FindingMessage(
                zh: "工业销售产值{sales:千元}千元，为增值税开票销售额{invoiced:千元}千元的{ratio:×2}倍，高出该企业常态{departure:×2}倍；同时单位电耗产值也高出其常态{other_departure:×2}倍，产值疑似虚增，请核实。",
                en: "Sales output {sales:千元} thousand yuan is {ratio:×2}× its invoiced sales {invoiced:千元}, {departure:×2} its usual ratio; its output per kWh is also {other_departure:×2} its usual: output may be inflated, verify.",
                observed: "{sales:千元}", expected: "≈ {expected:千元} (its usual ×{level:×2} invoiced)",
                example: ["sales": 6_900, "invoiced": 6_000, "ratio": 1.15, "level": 1.0, "departure": 1.15, "other_departure": 1.16, "expected": 6_000]),
            "corroborated_grid": FindingMessage(
                zh: "工业销售产值{sales:千元}千元，为增值税开票销售额{invoiced:千元}千元的{ratio:×2}倍，高出该企业常态{departure:×2}倍；同时填报用电量与电网售电量之比也高出其常态{other_departure:×2}倍，产值和用电量疑似虚增，请核实。",
                en: "Sales output {sales:千元} thousand yuan is {ratio:×2}× its invoiced sales {invoiced:千元}, {departure:×2} its usual ratio; its reported electricity against the grid's meter is also {other_departure:×2} its usual: output and electricity may be inflated, verify.",
                observed: "{sales:千元}", expected: "≈ {expected:千元} (its usual ×{level:×2} invoiced)",
                example: ["sales": 6_900, "invoiced": 6_000, "ratio": 1.15, "level": 1.0, "departure": 1.15, "other_departure": 1.16, "expected": 6_000]),
            "corroborated_output": FindingMessage(
                zh: "工业销售产值{sales:千元}千元，为增值税开票销售额{invoiced:千元}千元的{ratio:×2}倍，高出该企业常态{departure:×2}倍；同时产销率也高出其常态{other_departure:×2}倍，而开票和产值均未同步增长，销售产值疑似虚增，请核实。",
                en: "Sales output {sales:千元} thousand yuan is {ratio:×2}× its invoiced sales {invoiced:千元}, {departure:×2} its usual ratio; its sales per output is also {other_departure:×2} its usual, while neither invoices nor output rose alike: sales may be inflated, verify.",
                observed: "{sales:千元}", expected: "≈ {expected:千元} (its usual ×{level:×2} invoiced)",
                example: ["sales": 6_900, "invoiced": 6_000, "ratio": 1.15, "level": 1.0, "departure": 1.15, "other_departure": 1.16, "expected": 6_000]),
            "electricity": FindingMessage(
                zh: "填报工业用电量{electricity:万千瓦时}万千瓦时，电网售电量仅{grid:万千瓦时}万千瓦时（比值{ratio:×2}），用电量疑似虚增以配合产值，请核实。",
                en: "Reported electricity {electricity:万千瓦时} 万kWh against {grid:万千瓦时} metered by the grid (ratio {ratio:×2}); electricity may be inflated to match output.",
                observed: "{electricity:万千瓦时}", expected: "≤ {limit:万千瓦时}",
                example: ["electricity": 130, "grid": 80, "ratio": 1.63, "limit": 104]),
            "electricity_history": FindingMessage(
                zh: "填报工业用电量{electricity:万千瓦时}万千瓦时，为电网售电量{grid:万千瓦时}万千瓦时的{ratio:×2}倍，而该企业此前通常为{level:×2}倍，用电量疑似虚增以配合产值，请核实。",
                en: "Reported electricity {electricity:万千瓦时} 万kWh is {ratio:×2}× the {grid:万千瓦时} the grid metered, where the enterprise's own history puts it at {level:×2}×; electricity may be inflated to match output.",
                observed: "{electricity:万千瓦时}", expected: "≈ {expected:万千瓦时}",
                example: ["electricity": 96, "grid": 80, "ratio": 1.2, "level": 1.0, "expected": 80]),
        ])
    public static let needs: Set<FileKind> = [.admin]

    public static let baselines: [EnterpriseBaseline.Ratio] = [.salesPerInvoice, .electricityPerGrid, .outputPerElectricity, .electricity, .salesPerOutput]
    public static let history: HistoryNeeds = EnterpriseBaseline.Ratio.history(of: baselines)

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let salesBound = settings.value(Self.salesHigh)
        let powerBound = settings.value(Self.electricityHigh)
        let minimumInvoiced = settings.value(U04_SalesBelowInvoices.minimumInvoiced)
        let minimumGrid = settings.value(Self.minimumGrid)
        let (ownSales, ownPower, alsoBound) = (settings.value(Self.historySales), settings.value(Self.historyElectricity), settings.value(Self.corroborated))
        let share = settings.value(Self.agreement)
        let (z, floor) = (settings.value(Self.spreadZ), settings.value(Self.spreadFloor))
        let salesBase = context.baseline(.salesPerInvoice), powerBase = context.baseline(.electricityPerGrid)
        let outputBase = context.baseline(.outputPerElectricity), plant = context.baseline(.electricity)
        let soldBase = context.baseline(.salesPerOutput)
        let move = settings.value(O01_AboveElectricityImpliedOutput.electricityMove)
        result.notes.append(salesBase.note)
        result.notes.append(powerBase.note)
        func agree(_ bound: Double) -> Double { 1 + (bound - 1) * share }
        let sales = context.current(.salesOutput)
        let electricity = context.current(.electricity)
        let output = context.current(.grossOutput)
        let invoiced = context.adminAligned(.invoicedSales)
        let grid = context.adminAligned(.gridElectricity)
        for row in 0..<context.reports.count {
            guard context.adminRows[row] >= 0 else { result.notEvaluated("no admin data for the enterprise"); continue }
            var found: [Finding] = []
            if invoiced[row] >= minimumInvoiced {
                let ratio = sales[row] / invoiced[row]
                if ratio > salesBound {
                    found.append(SalesInvoiceComparison.finding(
                        context, settings, Self.entry, row: row, sales: sales[row], invoiced: invoiced[row], bound: salesBound, below: false))
                } else if salesBase.has(row) {
                    let bound = salesBase.upperBound(row, least: ownSales, z: z, floor: floor)
                    // Its own ratio far off; or a little less far, with output per kWh or electricity per meter as far off too.
                    var variant: String?, other = Double.nan
                    if salesBase.departsUp(row, bound: bound, agreement: agree(bound)) {
                        variant = "history"
                    } else if salesBase.departsUpInBoth(row, bound: alsoBound) {
                        if outputBase.departsUpInBoth(row, bound: alsoBound, yearComparable: plant.ranAlikeYearAgo(row, within: move)) {
                            (variant, other) = ("corroborated", outputBase.departure[row])
                        } else if powerBase.departsUpInBoth(row, bound: alsoBound) {
                            (variant, other) = ("corroborated_grid", powerBase.departure[row])
                        } else if soldBase.departsUpInBoth(row, bound: alsoBound) {
                            (variant, other) = ("corroborated_output", soldBase.departure[row])
                        }
                    }
                    if let variant {
                        let d = salesBase.departure[row]
                        let expected = sales[row] / d  // invoiced × its level × its class's shift
                        var slots: FindingSlots = [
                            "sales": .number(sales[row]), "invoiced": .number(invoiced[row]), "ratio": .number(ratio),
                            "level": .number(salesBase.level[row]), "departure": .number(d), "expected": .number(expected),
                        ]
                        if !other.isNaN { slots["other_departure"] = .number(other) }
                        let score = Scoring.score(
                            suspicion: Scoring.suspicion(value: d, bound: other.isNaN ? bound : alsoBound), deviation: sales[row] - expected,
                            total: context.countyTotals.total(.salesOutput, county: context.reports.regionCodes[row]))
                        found.append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "sales_output", variant: variant, slots)))
                    }
                }
            }
            if grid[row] >= minimumGrid {
                let ratio = electricity[row] / grid[row]
                let bound = powerBase.has(row) ? powerBase.upperBound(row, least: ownPower, z: z, floor: floor) : .infinity
                let againstHistory = ratio <= powerBound && powerBase.has(row)
                    && powerBase.departsUp(row, bound: bound, agreement: agree(bound))
                if ratio > powerBound || againstHistory {
                    let expectedRatio = againstHistory ? ratio / powerBase.departure[row] : 1
                    let score = Scoring.score(
                        suspicion: Scoring.suspicion(value: againstHistory ? powerBase.departure[row] : ratio, bound: againstHistory ? bound : powerBound),
                        deviation: output[row] * (1 - expectedRatio / ratio),
                        total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                    let slots: FindingSlots = againstHistory
                        ? ["electricity": .number(electricity[row]), "grid": .number(grid[row]), "ratio": .number(ratio),
                           "level": .number(powerBase.level[row]), "expected": .number(grid[row] * expectedRatio)]
                        : ["electricity": .number(electricity[row]), "grid": .number(grid[row]), "ratio": .number(ratio),
                           "limit": .number(grid[row] * powerBound)]
                    found.append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(
                        indicator: "electricity", variant: againstHistory ? "electricity_history" : "electricity", slots)))
                }
            }
            result.record(found)
        }
    }
}
