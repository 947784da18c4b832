import StatGuardCore

/// O02: product output above its design capacity.
///
/// Monthly: output > annual capacity × months in the period / 12 × (1 + `monthly_tolerance`)
/// (1-2月 covers two months). Year to date: cumulative output annualised
/// (× 12 / months elapsed) > annual capacity × (1 + `annual_tolerance`). Products
/// without a capacity entry in the same unit are not evaluated.
public struct O02_AboveCapacity: Check {
    public static let monthlyTolerance = CheckParameter("monthly_tolerance", default: 0.2, allowed: 0...10, "monthly excess over pro-rated capacity allowed")
    public static let annualTolerance = CheckParameter("annual_tolerance", default: 0.05, allowed: 0...10, "annualised year-to-date excess allowed")
    public static let entry = RuleEntry(
        "O02", category: .over, severity: .warning,
        title: Bilingual(zh: "产品产量超过设计产能", en: "product output above design capacity"),
        meaning: Bilingual(
            zh: "产品本月产量超过设计年产能按月折算值，或本年累计产量折年超过设计年产能。",
            en: "A product's output this period exceeds its pro-rated design capacity, or its year-to-date output annualises above it."),
        why: Bilingual(
            zh: "实物产量受设备能力约束，不可能长期大幅超过设计产能；超产能常见于虚报产量和产值。",
            en: "Physical output is bounded by the plant; output far above design capacity usually means quantities and output are inflated."),
        ask: Bilingual(
            zh: "请企业提供产能核定文件、技改扩能批复和产品出入库记录。",
            en: "Ask for the capacity approval, any expansion permit and the product's stock movements."),
        parameters: [monthlyTolerance, annualTolerance],
        messages: [
            "": FindingMessage(
                zh: "{product_name}本月产量{output:吨}{unit}，为设计年产能{annual:吨}{unit}按月折算{monthly:吨}的{utilisation:%}，超出产能，请核实。",
                en: "{product_name} output {output:吨} {unit} this period is {utilisation:%} of the pro-rated design capacity {monthly:吨} (annual {annual:吨}); verify.",
                observed: "{output:吨}", expected: "≤ {limit:吨}",
                example: ["product_name": "焦炭", "unit": "吨", "output": 62_000, "annual": 600_000, "monthly": 50_000, "utilisation": 1.24, "limit": 60_000]),
            "annual": FindingMessage(
                zh: "{product_name}本年累计产量{output_ytd:吨}{unit}，折年{annualised:吨}{unit}，超过设计年产能{annual:吨}{unit}，请核实。",
                en: "{product_name} year-to-date output {output_ytd:吨} {unit} annualises to {annualised:吨}, above the design capacity {annual:吨}; verify.",
                observed: "{annualised:吨}", expected: "≤ {limit:吨}",
                example: ["product_name": "水泥", "unit": "吨", "output_ytd": 1_100_000, "annualised": 1_320_000, "annual": 1_200_000, "limit": 1_260_000]),
        ])
    public static let needs: Set<FileKind> = [.products, .capacity]


    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        guard let products = context.products, let capacity = context.capacity else { return }
        let capacities = CapacityLookup(capacity)
        let reportRows = PeriodHistory.rows(of: products.creditCodes, in: context.reports)
        let combined = context.calendar.combinesJanuaryFebruary
        let monthsInPeriod = combined && context.period.month == 2 ? 2.0 : 1.0
        let monthsElapsed = Double(context.period.month)
        let (monthlyTolerance, annualTolerance) = (settings.value(Self.monthlyTolerance), settings.value(Self.annualTolerance))
        let output = products[ProductField.output]
        let outputYTD = products[ProductField.outputYTD]
        for row in 0..<products.count {
            guard let annual = capacities.annualCapacity(ofProductRow: row, in: products), annual > 0
            else { result.notEvaluated("no capacity in the same unit"); continue }
            guard reportRows[row] >= 0 else { result.notEvaluated("no loaded report for the enterprise"); continue }
            let monthly = annual * monthsInPeriod / 12
            let annualised = outputYTD[row] * 12 / monthsElapsed
            let overMonth = output[row] > monthly * (1 + monthlyTolerance)
            let overYear = annualised > annual * (1 + annualTolerance)
            guard overMonth || overYear else { result.pass(); continue }
            let reportRow = Int(reportRows[row])
            let name = products[text: ProductField.productName][row]
            let product = products[text: ProductField.productCode][row]
            let unit = products[text: ProductField.unit][row]
            let utilisation = overMonth ? output[row] / monthly : annualised / annual
            let grossOutput = context.current(.grossOutput)[reportRow]
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: utilisation, bound: 1 + (overMonth ? monthlyTolerance : annualTolerance)),
                deviation: grossOutput * (1 - 1 / utilisation),
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[reportRow]))
            let text = overMonth
                ? FindingFacts(indicator: "output:\(product)", [
                    "product_name": .text(name), "unit": .text(unit), "output": .number(output[row]), "annual": .number(annual),
                    "monthly": .number(monthly), "utilisation": .number(utilisation), "limit": .number(monthly * (1 + monthlyTolerance)),
                ])
                : FindingFacts(indicator: "output_ytd:\(product)", variant: "annual", [
                    "product_name": .text(name), "unit": .text(unit), "output_ytd": .number(outputYTD[row]),
                    "annualised": .number(annualised), "annual": .number(annual), "limit": .number(annual * (1 + annualTolerance)),
                ])
            result.fail(context.finding(reportRow: reportRow, Self.entry, settings, score: score, text))
        }
    }
}
