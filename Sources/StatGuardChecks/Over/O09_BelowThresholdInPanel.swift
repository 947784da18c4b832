import StatGuardCore
import StatGuardIngest

/// O09: a 规上 enterprise whose invoiced sales over the last twelve months are
/// far below the 规上 threshold (名录不实: a 规下 firm kept in the panel).
///
/// Evaluated for register enterprises due to report; the twelve-month sum is
/// annualised over the enterprise's own months in the admin data (see U02), and
/// enterprises listed in fewer than `minimum_months` months (new firms, or none
/// at all: O08's concern) are not evaluated. Fires below `threshold` × `share`.
public struct O09_BelowThresholdInPanel: Check {
    public static let share = CheckParameter("share", default: 0.5, allowed: 0.01...1, "share of the threshold below which it fires")
    public static let descriptor = CheckDescriptor(
        ruleID: "O09", title: "above-size enterprise far below the threshold", titleZh: "规上企业开票额远低于规上标准（名录不实）",
        category: .over, defaultSeverity: .warning,
        parameters: [U02_UnregisteredAboveThreshold.threshold, U02_UnregisteredAboveThreshold.minimumMonths, share])
    public static let needs: Set<FileKind> = [.admin]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let register = context.register
        let limit = settings.value(U02_UnregisteredAboveThreshold.threshold) * settings.value(Self.share)
        let due = (0..<register.count).filter { register.isDueToReport(row: $0, period: context.period) }
        let minimumMonths = Int(settings.value(U02_UnregisteredAboveThreshold.minimumMonths))
        let reportIndex = context.reports.rowIndex()
        for row in due {
            let code = register.creditCodes[row]
            let annual = context.invoices.annualised(code, minimumMonths: minimumMonths)
            guard !annual.isNaN else { result.notEvaluated("fewer admin months than required"); continue }
            guard annual < limit else { result.pass(); continue }
            let output = reportIndex[register.creditCodes[row]].map { context.current(.grossOutput)[$0] } ?? 0
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: limit, bound: max(annual, 1)), deviation: output,
                total: context.countyTotals.total(.grossOutput, county: register.regionCodes[row]))
            result.fail(context.finding(row: row, of: register, Self.descriptor, settings, score: score, FindingText(
                indicator: "invoiced_sales", observed: Figures.amount(annual), expected: "≥ \(Figures.amount(limit))",
                zh: "规上企业近\(context.invoices.months(code))个月增值税开票销售额折年仅\(Figures.amount(annual))千元，远低于规上标准，请核实是否仍应在规上名录。",
                en: "Above-size enterprise with invoiced sales annualising to only \(Figures.amount(annual)) thousand yuan over \(context.invoices.months(code)) months, far below the threshold; check whether it belongs in the panel.")))
        }
    }
}
