import StatGuardCore

/// U04: sales output far below the VAT invoiced sales of the month (少报).
///
/// Fires when sales output / invoiced sales < `low_ratio`, or when that ratio fell below
/// `history_low_ratio` times the enterprise's own level (``EnterpriseBaseline``, net of what
/// its class shared, and beyond `spread_z` of its own spreads), the same period last year
/// agreeing by `agreement` of the shortfall: an enterprise whose sales always matched its
/// invoices and now reports 25% less has under-reported even though 0.75 is an ordinary
/// ratio elsewhere. Not evaluated when the enterprise has no admin row or its invoices are
/// below `minimum_invoiced`; with fewer than two earlier periods, judged on `low_ratio` alone.
public struct U04_SalesBelowInvoices: Check {
    public static let low = CheckParameter("low_ratio", default: 0.6, allowed: 0.01...1, "sales / invoiced sales below which it fires")
    public static let minimumInvoiced = CheckParameter("minimum_invoiced", default: 100, allowed: 0...1e9, "invoiced sales (千元) needed")
    public static let historyLow = CheckParameter(
        "history_low_ratio", default: 0.8, allowed: 0.01...1, "sales / invoiced sales under the enterprise's own level (net of its class) below which it fires")
    public static let entry = RuleEntry(
        "U04", category: .under, severity: .warning,
        title: Bilingual(zh: "销售产值明显低于开票销售额", en: "sales output below invoiced sales"),
        meaning: Bilingual(
            zh: "企业填报的工业销售产值明显低于税务部门的增值税开票销售额，或二者之比明显低于该企业自身的常态。",
            en: "Reported sales output is far below the VAT invoiced sales the tax bureau holds, or their ratio far below the enterprise's own usual one."),
        why: Bilingual(
            zh: "开票销售额是第三方数据；销售产值远低于开票额或突然低于自身常态，常见于少报销售产值。",
            en: "Invoiced sales are third-party figures; sales output far below them, or suddenly below the enterprise's usual ratio, usually means sales are under-reported."),
        ask: Bilingual(
            zh: "请企业提供增值税纳税申报表，说明开票额与销售产值的差异（如贸易额、非工业收入）。",
            en: "Ask for the VAT returns and what explains the gap (trading, non-industrial income)."),
        parameters: [low, minimumInvoiced, historyLow, O03_AboveAdministrativeRecords.agreement, O03_AboveAdministrativeRecords.spreadZ,
                     O03_AboveAdministrativeRecords.spreadFloor],
        messages: [
            "": FindingMessage(
                zh: "工业销售产值{sales:千元}千元，税务增值税开票销售额{invoiced:千元}千元，比值{ratio:×2}低于{bound:×2}，请核实。",
                en: "Sales output {sales:千元} thousand yuan against VAT invoiced sales {invoiced:千元}: ratio {ratio:×2} is below {bound:×2}; verify.",
                observed: "{sales:千元}", expected: "≥ {limit:千元} (×{bound:×2} invoiced)",
                example: ["sales": 3_000, "invoiced": 6_000, "ratio": 0.5, "bound": 0.6, "limit": 3_600]),
            "history": FindingMessage(
                zh: "工业销售产值{sales:千元}千元，仅为增值税开票销售额{invoiced:千元}千元的{ratio:×2}倍，而该企业此前通常为{level:×2}倍，扣除本行业同期变动后仅为常态的{departure:×2}，疑似少报，请核实。",
                en: "Sales output {sales:千元} thousand yuan is only {ratio:×2}× its invoiced sales {invoiced:千元}, where the enterprise's own history puts it at {level:×2}×: {departure:×2} its usual ratio, its class's shift removed; verify.",
                observed: "{sales:千元}", expected: "≈ {expected:千元} (its usual ×{level:×2} invoiced)",
                example: ["sales": 4_500, "invoiced": 6_000, "ratio": 0.75, "level": 1.0, "departure": 0.75, "expected": 6_000]),
        ])
    public static let needs: Set<FileKind> = [.admin]
    public static let baselines: [EnterpriseBaseline.Ratio] = [.salesPerInvoice]
    public static let history: HistoryNeeds = EnterpriseBaseline.Ratio.history(of: baselines)

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let bound = settings.value(Self.low)
        let minimumInvoiced = settings.value(Self.minimumInvoiced)
        let ownBound = settings.value(Self.historyLow)
        let share = settings.value(O03_AboveAdministrativeRecords.agreement)
        let (z, floor) = (settings.value(O03_AboveAdministrativeRecords.spreadZ), settings.value(O03_AboveAdministrativeRecords.spreadFloor))
        let baseline = context.baseline(.salesPerInvoice)
        result.notes.append(baseline.note)
        let sales = context.current(.salesOutput)
        let invoiced = context.adminAligned(.invoicedSales)
        for row in 0..<context.reports.count {
            guard context.adminRows[row] >= 0 else { result.notEvaluated("no admin data for the enterprise"); continue }
            guard invoiced[row] >= minimumInvoiced else { result.notEvaluated("invoiced sales too small"); continue }
            let ratio = sales[row] / invoiced[row]
            if ratio < bound {
                result.fail(SalesInvoiceComparison.finding(
                    context, settings, Self.entry, row: row, sales: sales[row], invoiced: invoiced[row], bound: bound, below: true))
                continue
            }
            guard baseline.has(row) else { result.pass(); continue }
            let own = baseline.lowerBound(row, most: ownBound, z: z, floor: floor)
            guard baseline.departsDown(row, bound: own, agreement: 1 - (1 - own) * share) else { result.pass(); continue }
            let d = baseline.departure[row]
            let expected = sales[row] / d
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: d, bound: own), deviation: expected - sales[row],
                total: context.countyTotals.total(.salesOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "sales_output", variant: "history", [
                "sales": .number(sales[row]), "invoiced": .number(invoiced[row]), "ratio": .number(ratio),
                "level": .number(baseline.level[row]), "departure": .number(d), "expected": .number(expected),
            ])))
        }
    }
}

/// The comparison of sales output with VAT invoiced sales against a fixed bound, shared by U04 (below) and O03 (above).
enum SalesInvoiceComparison {
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
