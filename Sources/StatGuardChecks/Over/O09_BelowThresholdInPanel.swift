import StatGuardCore

/// O09: a 规上 enterprise whose invoiced sales over the last twelve months are
/// far below the 规上 threshold (名录不实: a 规下 firm kept in the panel).
///
/// Evaluated for register enterprises due to report; the twelve-month sum is
/// annualised over the enterprise's own months in the admin data (see U02), and
/// enterprises listed in fewer than `minimum_months` months (new firms, or none
/// at all: O08's concern) are not evaluated. Fires below `threshold` × `share`.
public struct O09_BelowThresholdInPanel: Check {
    public static let share = CheckParameter("share", default: 0.5, allowed: 0.01...1, "share of the threshold below which it fires")
    public static let entry = RuleEntry(
        "O09", category: .over, severity: .warning,
        title: Bilingual(zh: "规上企业开票额远低于规上标准（名录不实）", en: "above-size enterprise far below the threshold"),
        meaning: Bilingual(
            zh: "名录中应报送的规上企业，其近期增值税开票销售额折年远低于规上标准（2000万元）。",
            en: "An above-size enterprise due to report whose recent invoiced sales annualise far below the 规上 threshold (20,000 千元)."),
        why: Bilingual(
            zh: "把达不到规模的企业留在规上名录中会虚增规上企业数和产值（名录不实）。",
            en: "Keeping an enterprise below the threshold in the panel inflates the count and output of above-size industry."),
        ask: Bilingual(
            zh: "请核实企业上年主营业务收入，不符合条件的按程序退库。",
            en: "Verify last year's main-business revenue, and take it out of the panel if it no longer qualifies."),
        parameters: [U02_UnregisteredAboveThreshold.threshold, U02_UnregisteredAboveThreshold.minimumMonths, share],
        messages: ["": FindingMessage(
            zh: "规上企业近{months:int}个月增值税开票销售额折年仅{annual:千元}千元，远低于规上标准，请核实是否仍应在规上名录。",
            en: "Above-size enterprise with invoiced sales annualising to only {annual:千元} thousand yuan over {months:int} months, far below the threshold; check whether it belongs in the panel.",
            observed: "{annual:千元}", expected: "≥ {limit:千元}",
            example: ["months": 12, "annual": 4_300, "limit": 10_000])])
    public static let needs: Set<FileKind> = [.admin]

    public static let history: HistoryNeeds = .admin(["invoiced_sales"])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let register = context.register
        let limit = settings.value(U02_UnregisteredAboveThreshold.threshold) * settings.value(Self.share)
        let due = (0..<register.count).filter { register.isDueToReport(row: $0, period: context.period) }
        let minimumMonths = settings.count(U02_UnregisteredAboveThreshold.minimumMonths)
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
            result.fail(context.finding(row: row, of: register, Self.entry, settings, score: score, FindingFacts(indicator: "invoiced_sales", [
                "months": .number(Double(context.invoices.months(code))), "annual": .number(annual), "limit": .number(limit),
            ])))
        }
    }
}
