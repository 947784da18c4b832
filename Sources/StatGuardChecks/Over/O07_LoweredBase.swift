import StatGuardCore

/// O07: 上年同期 reported lower than what the store holds for that month (压低基数).
///
/// Compares the 上年同期 figures of this report (gross output for the month and
/// the year to date) with the enterprise's own report a year ago. Fires when
/// the reported base is below the stored one by more than `tolerance`. Not
/// evaluated without the report a year ago or without the 上年同期 figure.
public struct O07_LoweredBase: Check {
    public static let tolerance = CheckParameter("tolerance", default: 0.05, allowed: 0...1, "relative shortfall of the reported base allowed (revisions)")
    public static let entry = RuleEntry(
        "O07", category: .over, severity: .warning,
        title: Bilingual(zh: "上年同期数低于上年实报数（疑似压低基数）", en: "prior-year base reported lower than stored"),
        meaning: Bilingual(
            zh: "企业本期填报的上年同期数，低于库中该企业上年同月实际报送的数。",
            en: "The prior-year figure the enterprise reports now is below what it actually reported for that month a year ago."),
        why: Bilingual(
            zh: "压低上年基数可以虚增同比增速，是常见的造假方式；修订上年数应有依据。",
            en: "Lowering last year's base inflates growth, a common falsification; a revision of last year needs evidence."),
        ask: Bilingual(
            zh: "请企业说明上年同期数与上年实报数不一致的原因，并提供上年的财务报表。",
            en: "Ask why the prior-year figure differs from what was reported then, with last year's statements."),
        parameters: [tolerance],
        messages: [
            "": FindingMessage(
                zh: "填报工业总产值上年同期{reported:千元}千元，低于该企业上年同期实报{stored:千元}千元，按此计算同比{reported_growth:%}，按上年实报数为{true_growth:%}，疑似压低基数，请核实。",
                en: "Reported prior-year gross output {reported:千元} thousand yuan is below the {stored:千元} the enterprise reported a year ago; a lowered base. Growth becomes {reported_growth:%} instead of {true_growth:%}.",
                observed: "{reported:千元}", expected: "{stored:千元}",
                example: ["reported": 8_000, "stored": 10_000, "reported_growth": 0.375, "true_growth": 0.1]),
            "ytd": FindingMessage(
                zh: "填报工业总产值上年同期累计{reported:千元}千元，低于该企业上年同期实报{stored:千元}千元，疑似压低基数，请核实。",
                en: "Reported prior-year year-to-date gross output {reported:千元} thousand yuan is below the {stored:千元} the enterprise reported a year ago; a lowered base.",
                observed: "{reported:千元}", expected: "{stored:千元}",
                example: ["reported": 80_000, "stored": 100_000]),
        ])

    public static let history: HistoryNeeds = .reports(["gross_output", "gross_output_ytd"], lags: [12])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let tolerance = settings.value(Self.tolerance)
        let pairs: [(reported: ReportField, stored: ReportField)] = [
            (.grossOutputLastYear, .grossOutput), (.grossOutputYTDLastYear, .grossOutputYTD),
        ]
        let columns = pairs.map { (context.current($0.reported), context.lagged($0.stored, 12)) }
        let x = context.current(.grossOutput)
        for row in 0..<context.reports.count {
            guard context.lagRows[12]![row] >= 0 else { result.notEvaluated("no report a year ago"); continue }
            guard columns.contains(where: { !$0.0[row].isNaN }) else { result.notEvaluated("上年同期 blank"); continue }
            var found: [Finding] = []
            for (pair, (reported, stored)) in zip(pairs, columns) {
                guard !reported[row].isNaN, stored[row] > 0, reported[row] < stored[row] * (1 - tolerance) - Scoring.roundingSlack else { continue }
                let monthly = pair.stored == .grossOutput
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: stored[row], bound: reported[row]), deviation: stored[row] - reported[row],
                    total: context.countyTotals.total(monthly ? .grossOutput : .grossOutputYTD, county: context.reports.regionCodes[row]))
                var slots: FindingSlots = ["reported": .number(reported[row]), "stored": .number(stored[row])]
                if monthly {
                    slots["reported_growth"] = .number(x[row] / reported[row] - 1)
                    slots["true_growth"] = .number(x[row] / stored[row] - 1)
                }
                found.append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: pair.reported.spec.name, variant: monthly ? "" : "ytd", slots)))
            }
            result.record(found)
        }
    }
}
