import StatGuardCore

/// U01: a registered enterprise due to report has no report (漏报).
///
/// Due: 规上 (above_scale 1), 正常运营 (status 1), entered ≤ period < exited.
/// An enterprise whose row was quarantined did report and is not flagged here
/// (its S* finding says what to fix). The score weighs the enterprise's last
/// known output (last period, else a year ago) against the county total.
public struct U01_MissingReport: Check {
    public static let entry = RuleEntry(
        "U01", category: .under, severity: .warning,
        title: Bilingual(zh: "名录内规上企业未报送（漏报）", en: "registered enterprise did not report"),
        meaning: Bilingual(
            zh: "名录库中应报送的规上正常运营企业（入库期≤本期<出库期）本期没有月报。",
            en: "An above-size operating enterprise due to report (entered ≤ period < exited) sent no report this period."),
        why: Bilingual(
            zh: "漏报企业的产值不在汇总内，直接低估地区总量（应统尽统）。",
            en: "A missing report leaves its output out of the totals, understating the area (应统尽统)."),
        ask: Bilingual(
            zh: "请催报，并核实企业是否停产、迁出或应办理出库。", en: "Chase the report and check whether the enterprise stopped, moved or should leave the register."),
        messages: [
            "": FindingMessage(
                zh: "名录库中规上正常运营企业本期未报送月报（最近一期总产值{last_output:千元}千元），请催报并核实是否停产。",
                en: "Registered above-size operating enterprise sent no report this period (last known output {last_output:千元} thousand yuan); chase the report and check whether it stopped.",
                observed: "no report", expected: "report due",
                example: ["last_output": 12_500]),
            "no_history": FindingMessage(
                zh: "名录库中规上正常运营企业本期未报送月报（无历史产值），请催报并核实是否停产。",
                en: "Registered above-size operating enterprise sent no report this period (no earlier output on record); chase the report and check whether it stopped.",
                observed: "no report", expected: "report due",
                example: [:]),
        ])

    public static let history: HistoryNeeds = .reports(["gross_output"], lags: [1, 12])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let reported = context.reports.rowIndex()
        let register = context.register
        var missing: [Int] = []
        for row in 0..<register.count where register.isDueToReport(row: row, period: context.period) {
            let code = register.creditCodes[row]
            if reported.contains(code) || context.quarantinedCodes.contains(code) { result.pass() } else { missing.append(row) }
        }
        guard !missing.isEmpty else { return }
        let known = [1, 12].compactMap { lag in
            assert(context.history.needs.provides(ReportField.grossOutput.spec.name, lag: lag))
            return context.history.reports[lag].map { ($0, $0.rowIndex()) }
        }
        for row in missing {
            let code = register.creditCodes[row]
            let lastOutput = known.lazy.compactMap { table, index in index[code].map { table[ReportField.grossOutput][$0] } }.first ?? .nan
            let score = Scoring.score(
                suspicion: Scoring.plainSuspicion, deviation: lastOutput.isNaN ? 0 : lastOutput,
                total: context.countyTotals.total(.grossOutput, county: register.regionCodes[row]))
            result.fail(context.finding(row: row, of: register, Self.entry, settings, score: score, FindingFacts(
                indicator: "report", variant: lastOutput.isNaN ? "no_history" : "",
                lastOutput.isNaN ? [:] : ["last_output": .number(lastOutput)])))
        }
    }
}
