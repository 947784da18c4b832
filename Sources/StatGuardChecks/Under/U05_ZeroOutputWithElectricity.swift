import StatGuardCore

/// U05: zero output from an operating enterprise whose electricity did not stop.
///
/// The electricity now (the grid meter when admin data has it, else the
/// reported figure) is compared with the enterprise's typical electricity: the
/// median of its reports 1, 2, 3 and 12 periods back. Fires when output is zero,
/// the register says 正常运营, and electricity is at least `running_share` of
/// typical and at least `minimum_electricity`. Without electricity history: not evaluated.
public struct U05_ZeroOutputWithElectricity: Check {
    public static let runningShare = CheckParameter("running_share", default: 0.3, allowed: 0.01...2, "share of typical electricity that means still running")
    public static let minimumElectricity = CheckParameter("minimum_electricity", default: 1, allowed: 0...1e9, "electricity (万千瓦时) that counts as running")
    public static let entry = RuleEntry(
        "U05", category: .under, severity: .warning,
        title: Bilingual(zh: "零产值但用电未停", en: "zero output while electricity runs"),
        meaning: Bilingual(
            zh: "名录中正常运营的企业报零产值，但其用电量（优先取电网计量）仍接近常态。",
            en: "An operating enterprise reports zero output while its electricity (the grid's meter first) stays near its typical level."),
        why: Bilingual(
            zh: "停产时用电会大幅下降；用电照常而零产值，疑似漏报产值。停产检修（用电同时下降）不在此列。",
            en: "A stopped plant uses little power; zero output with power running suggests output withheld. A shutdown, where power falls too, is not flagged."),
        ask: Bilingual(
            zh: "请企业说明本月生产情况，提供产品产量和出入库记录。", en: "Ask what the plant did this month, with product quantities and stock movements."),
        parameters: [runningShare, minimumElectricity],
        messages: [
            "": FindingMessage(
                zh: "本月工业总产值为零，但电网售电量{electricity:万千瓦时}万千瓦时，达到其常态用电{typical:万千瓦时}的{share:%}，生产未停，请核实是否漏报产值。",
                en: "Zero gross output although grid-metered electricity is {electricity:万千瓦时} 万kWh, {share:%} of its typical {typical:万千瓦时}; production did not stop, verify the output.",
                observed: "0", expected: "> 0 (electricity {electricity:万千瓦时})",
                example: ["electricity": 42, "typical": 50, "share": 0.84]),
            "reported": FindingMessage(
                zh: "本月工业总产值为零，但企业填报用电量{electricity:万千瓦时}万千瓦时，达到其常态用电{typical:万千瓦时}的{share:%}，生产未停，请核实是否漏报产值。",
                en: "Zero gross output although reported electricity is {electricity:万千瓦时} 万kWh, {share:%} of its typical {typical:万千瓦时}; production did not stop, verify the output.",
                observed: "0", expected: "> 0 (electricity {electricity:万千瓦时})",
                example: ["electricity": 42, "typical": 50, "share": 0.84]),
        ])

    public static let history: HistoryNeeds = .reports(["electricity"], lags: PeriodHistory.reportLags).union(.reports(["gross_output"], lags: [1, 12]))

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let share = settings.value(Self.runningShare)
        let minimum = settings.value(Self.minimumElectricity)
        let output = context.current(.grossOutput)
        let reported = context.current(.electricity)
        let grid = context.adminAligned(.gridElectricity)
        let history = PeriodHistory.reportLags.map { context.lagged(.electricity, $0) }
        let output1 = context.lagged(.grossOutput, 1), output12 = context.lagged(.grossOutput, 12)
        let status = context.register[code: RegisterField.status]
        for row in 0..<context.reports.count {
            guard output[row] == 0 else { result.pass(); continue }
            let registerRow = context.registerRows[row]
            guard registerRow >= 0, RegisterStatus(rawValue: status[Int(registerRow)]) == .operating else { result.notEvaluated("not operating in the register"); continue }
            let typical = positiveMedian(history[0][row], history[1][row], history[2][row], history[3][row])
            guard !typical.isNaN else { result.notEvaluated("no electricity history"); continue }
            let now = grid[row].isNaN ? reported[row] : grid[row]
            guard now >= minimum, now >= share * typical else { result.pass(); continue }
            let lastOutput = median([output1[row], output12[row]].filter { !$0.isNaN })
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: now, bound: share * typical), deviation: lastOutput.isNaN ? 0 : lastOutput,
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(
                indicator: "gross_output", variant: grid[row].isNaN ? "reported" : "",
                ["electricity": .number(now), "typical": .number(typical), "share": .number(now / typical)])))
        }
    }
}
