import StatGuardCore
import StatGuardIngest

/// O02: product output above its design capacity.
///
/// Monthly: output > annual capacity × months in the period / 12 × (1 + `monthly_tolerance`)
/// (1-2月 covers two months). Year to date: cumulative output annualised
/// (× 12 / months elapsed) > annual capacity × (1 + `annual_tolerance`). Products
/// without a capacity entry in the same unit are not evaluated.
public struct O02_AboveCapacity: Check {
    public static let monthlyTolerance = CheckParameter("monthly_tolerance", default: 0.2, allowed: 0...10, "monthly excess over pro-rated capacity allowed")
    public static let annualTolerance = CheckParameter("annual_tolerance", default: 0.05, allowed: 0...10, "annualised year-to-date excess allowed")
    public static let descriptor = CheckDescriptor(
        ruleID: "O02", title: "product output above design capacity", titleZh: "产品产量超过设计产能",
        category: .over, defaultSeverity: .warning, parameters: [monthlyTolerance, annualTolerance])
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
                ? FindingText(
                    indicator: "output:\(product)", observed: Figures.amount(output[row]), expected: "≤ \(Figures.amount(monthly * (1 + monthlyTolerance)))",
                    zh: "\(name)本月产量\(Figures.amount(output[row]))\(unit)，为设计年产能\(Figures.amount(annual))\(unit)按月折算\(Figures.amount(monthly))的\(Figures.percent(utilisation))，超出产能，请核实。",
                    en: "\(name) output \(Figures.amount(output[row])) \(unit) this period is \(Figures.percent(utilisation)) of the pro-rated design capacity \(Figures.amount(monthly)) (annual \(Figures.amount(annual))); verify.")
                : FindingText(
                    indicator: "output_ytd:\(product)", observed: Figures.amount(annualised), expected: "≤ \(Figures.amount(annual * (1 + annualTolerance)))",
                    zh: "\(name)本年累计产量\(Figures.amount(outputYTD[row]))\(unit)，折年\(Figures.amount(annualised))\(unit)，超过设计年产能\(Figures.amount(annual))\(unit)，请核实。",
                    en: "\(name) year-to-date output \(Figures.amount(outputYTD[row])) \(unit) annualises to \(Figures.amount(annualised)), above the design capacity \(Figures.amount(annual)); verify.")
            result.fail(context.finding(reportRow: reportRow, Self.descriptor, settings, score: score, text))
        }
    }
}
