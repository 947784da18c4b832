import StatGuardCore

/// U02: an enterprise in the admin data, not 规上 in the register, whose
/// invoiced sales over the last twelve months reach the 规上 threshold (应纳未纳).
///
/// Candidates are the admin rows whose enterprise is not due to report this
/// period (the one due rule, ``ColumnTable/isDueToReport(row:period:)``: a 停业 or
/// 注销 enterprise was due before its 出库年月): absent from the register, 规下 there,
/// or listed 规上 but outside the panel (出库, 停业, 筹建, 注销) although it still
/// invoices like a 规上 enterprise. Enterprises due to report are covered by their
/// reports and U01. Only industrial classes (GB/T 4754 sections B, C, D) are considered.
///
/// The twelve-month sum counts a month without the enterprise's admin row as a month
/// without invoices (the admin data lists every enterprise of the area): a firm that
/// opened three months ago has three months of invoices, not a year's worth of its
/// best months. While the store holds fewer than twelve months it is scaled to twelve;
/// fewer than `minimum_months` stored: not evaluated. The enterprise must also be
/// invoicing now: its last three months at a year's rate must reach `recent_share` of
/// the threshold, and it must have invoiced this period, so a 停业 enterprise whose twelve
/// months are still carried by the months before it stopped is not called one that should
/// be in the panel.
public struct U02_UnregisteredAboveThreshold: Check {
    public static let threshold = CheckParameter("threshold", default: 20_000, allowed: 1...1e9, "annual invoiced sales (千元) of the 规上 threshold")
    public static let minimumMonths = CheckParameter("minimum_months", default: 3, allowed: 1...12, "months of admin data needed")
    public static let recentShare = CheckParameter(
        "recent_share", default: 0.5, allowed: 0...10, "share of the threshold the last three months' invoices must reach at a year's rate")
    public static let entry = RuleEntry(
        "U02", category: .under, severity: .warning,
        title: Bilingual(zh: "达规模未纳入名录（应纳未纳）", en: "unregistered enterprise above the threshold"),
        meaning: Bilingual(
            zh: "部门共享数据中有开票，但不在规上报送范围的企业，其近期增值税开票销售额折年已达规上标准（2000万元）。",
            en: "An enterprise outside the reporting panel whose recent VAT invoiced sales annualise to the 规上 threshold (20,000 千元)."),
        why: Bilingual(
            zh: "达到规模而未纳入名录，其产值不进入规上统计，属于应统未统。",
            en: "An enterprise above the threshold but outside the panel is left out of the above-size totals: output that should be counted is not."),
        ask: Bilingual(
            zh: "请核实企业主营业务收入和行业，符合条件的按程序纳入名录库。",
            en: "Verify its main-business revenue and industry, and take it into the register if it qualifies."),
        parameters: [threshold, minimumMonths, recentShare],
        messages: [
            "": FindingMessage(
                zh: "近{months:int}个月增值税开票销售额折年{annual:千元}千元（近3个月折年{recent:千元}千元），已达规上标准{threshold:千元}千元，但未纳入名录库，请核实是否应纳入。",
                en: "Invoiced sales over the last {months:int} months annualise to {annual:千元} thousand yuan (the last three months to {recent:千元}), above the {threshold:千元} threshold, but the enterprise is not in the register; check whether it must be added.",
                observed: "{annual:千元}", expected: "< {threshold:千元}",
                example: ["months": 12, "annual": 31_200, "recent": 33_600, "threshold": 20_000]),
            "listed_outside_panel": FindingMessage(
                zh: "近{months:int}个月增值税开票销售额折年{annual:千元}千元（近3个月折年{recent:千元}千元），已达规上标准{threshold:千元}千元，但名录中为规上但不在报送范围（已出库或非正常运营），请核实是否应纳入。",
                en: "Invoiced sales over the last {months:int} months annualise to {annual:千元} thousand yuan (the last three months to {recent:千元}), above the {threshold:千元} threshold, but the enterprise is listed above size but outside the reporting panel (exited or not operating); check whether it must be added.",
                observed: "{annual:千元}", expected: "< {threshold:千元}",
                example: ["months": 12, "annual": 31_200, "recent": 33_600, "threshold": 20_000]),
            "below_scale": FindingMessage(
                zh: "近{months:int}个月增值税开票销售额折年{annual:千元}千元（近3个月折年{recent:千元}千元），已达规上标准{threshold:千元}千元，但名录中为规下企业，请核实是否应纳入。",
                en: "Invoiced sales over the last {months:int} months annualise to {annual:千元} thousand yuan (the last three months to {recent:千元}), above the {threshold:千元} threshold, but the enterprise is below scale in the register; check whether it must be added.",
                observed: "{annual:千元}", expected: "< {threshold:千元}",
                example: ["months": 12, "annual": 31_200, "recent": 33_600, "threshold": 20_000]),
        ])
    public static let needs: Set<FileKind> = [.admin]

    public static let history: HistoryNeeds = .admin(["invoiced_sales"])

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
        let minimumMonths = settings.count(Self.minimumMonths)
        let recentLimit = limit * settings.value(Self.recentShare)
        let invoiced = admin[AdminField.invoicedSales]
        if context.invoices.monthsStored < 12 {
            result.notes.append("\(context.invoices.monthsStored) months of admin data stored: twelve-month sums scaled to twelve")
        }
        for row in candidates {
            let code = admin.creditCodes[row]
            let annual = context.invoices.twelveMonths(code, minimumMonths: minimumMonths)
            guard !annual.isNaN else { result.notEvaluated("fewer admin months than required"); continue }
            guard annual >= limit else { result.pass(); continue }
            // Invoicing now, not only in the months before it stopped.
            let recent = context.invoices.recentAnnualised(code)
            guard invoiced[row] > 0, recent >= recentLimit else { result.pass(); continue }
            let standing = switch registerIndex[admin.creditCodes[row]].map({ aboveScale[$0] }) {
            case nil: ""
            case 1: "listed_outside_panel"
            default: "below_scale"
            }
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: annual, bound: limit), deviation: annual / 12,
                total: context.countyTotals.total(.salesOutput, county: admin.regionCodes[row]))
            result.fail(context.finding(row: row, of: admin, Self.entry, settings, score: score, FindingFacts(
                indicator: "invoiced_sales", variant: standing,
                ["months": .number(Double(min(12, context.invoices.monthsStored))), "annual": .number(annual), "recent": .number(recent),
                 "threshold": .number(limit)])))
        }
    }
}
