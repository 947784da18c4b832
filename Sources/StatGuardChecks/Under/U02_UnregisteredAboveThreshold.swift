import StatGuardCore
import StatGuardIngest

/// U02: an enterprise in the admin data, not 规上 in the register, whose
/// invoiced sales over the last twelve months reach the 规上 threshold (应纳未纳).
///
/// Candidates are the admin rows whose enterprise is not due to report this
/// period (see ``ColumnTable/isDueToReport(row:period:)``): absent from the
/// register, 规下 there, or listed 规上 but outside the panel (出库, 停业, 筹建, 注销)
/// although it still invoices like a 规上 enterprise. Enterprises due to report
/// are covered by their reports and U01.
/// Only industrial classes (GB/T 4754 sections B, C, D) are considered. The
/// twelve-month sum is annualised over the months the enterprise itself is
/// listed in the admin data (a young firm: its months only); fewer than
/// `minimum_months` listed: not evaluated.
public struct U02_UnregisteredAboveThreshold: Check {
    public static let threshold = CheckParameter("threshold", default: 20_000, allowed: 1...1e9, "annual invoiced sales (千元) of the 规上 threshold")
    public static let minimumMonths = CheckParameter("minimum_months", default: 3, allowed: 1...12, "months of admin data needed")
    public static let descriptor = CheckDescriptor(
        ruleID: "U02", title: "unregistered enterprise above the threshold", titleZh: "达规模未纳入名录（应纳未纳）",
        category: .under, defaultSeverity: .warning, parameters: [threshold, minimumMonths])
    public static let needs: Set<FileKind> = [.admin]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        guard let admin = context.admin else { return }
        let limit = settings.value(Self.threshold)
        let registerIndex = context.register.rowIndex()
        let aboveScale = context.register[code: RegisterField.aboveScale]
        var candidates: [Int] = []
        for row in 0..<admin.count {
            guard context.catalog.contains(admin.industryCodes[row]) else { continue }
            if let r = registerIndex[admin.creditCodes[row]], context.register.isDueToReport(row: r, period: context.period) { continue }
            candidates.append(row)
        }
        let minimumMonths = Int(settings.value(Self.minimumMonths))
        for row in candidates {
            let code = admin.creditCodes[row]
            let annual = context.invoices.annualised(code, minimumMonths: minimumMonths)
            guard !annual.isNaN else { result.notEvaluated("fewer admin months than required"); continue }
            guard annual >= limit else { result.pass(); continue }
            let standing: (zh: String, en: String) = switch registerIndex[admin.creditCodes[row]].map({ aboveScale[$0] }) {
            case nil: ("未纳入名录库", "not in the register")
            case 1: ("名录中为规上但不在报送范围（已出库或非正常运营）", "listed above size but outside the reporting panel (exited or not operating)")
            default: ("名录中为规下企业", "below scale in the register")
            }
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: annual, bound: limit), deviation: annual / 12,
                total: context.countyTotals.total(.salesOutput, county: admin.regionCodes[row]))
            result.fail(context.finding(row: row, of: admin, Self.descriptor, settings, score: score, FindingText(
                indicator: "invoiced_sales", observed: Figures.amount(annual), expected: "< \(Figures.amount(limit))",
                zh: "近\(context.invoices.months(code))个月增值税开票销售额折年\(Figures.amount(annual))千元，已达规上标准\(Figures.amount(limit))千元，但\(standing.zh)，请核实是否应纳入。",
                en: "Invoiced sales over the last \(context.invoices.months(code)) months annualise to \(Figures.amount(annual)) thousand yuan, above the \(Figures.amount(limit)) threshold, but the enterprise is \(standing.en); check whether it must be added.")))
        }
    }
}
