import StatGuardCore

/// O10: an enterprise marked 停业 (2) or 注销 (4) in the register that still reports output
/// for a period it was not due.
///
/// The same due rule as U01 (``ColumnTable/isDueToReport(row:period:)``): the register is
/// today's, so an enterprise now 注销 whose 出库年月 lies after the period checked was still in
/// the panel then and reported as it had to; loading past periods with today's register must
/// not flag every report it sent before it left.
public struct O10_StoppedButReporting: Check {
    public static let entry = RuleEntry(
        "O10", category: .over, severity: .warning,
        title: Bilingual(zh: "停业或注销企业仍报产值", en: "stopped or deregistered enterprise reports output"),
        meaning: Bilingual(
            zh: "名录库中运营状态为停业或注销的企业，本期仍报告了产值。",
            en: "An enterprise the register marks as suspended or deregistered reports output this period."),
        why: Bilingual(
            zh: "已停业、注销的企业不应有产值；其产值可能是虚报，或名录状态有误。",
            en: "A suspended or deregistered enterprise should have no output; the figure may be invented, or the register is wrong."),
        ask: Bilingual(
            zh: "请核实企业的实际经营状态，必要时更新名录库。", en: "Verify whether the enterprise operates, and correct the register if needed."),
        messages: [
            "stopped": FindingMessage(
                zh: "名录库运营状态为停业，本月却报工业总产值{output:千元}千元，请核实企业状态与产值。",
                en: "The register marks the enterprise suspended (停业), yet it reports gross output {output:千元} thousand yuan; verify its status and output.",
                observed: "{output:千元}", expected: "0 (register status {status:int})",
                example: ["output": 7_000, "status": 2]),
            "deregistered": FindingMessage(
                zh: "名录库运营状态为注销，本月却报工业总产值{output:千元}千元，请核实企业状态与产值。",
                en: "The register marks the enterprise deregistered (注销), yet it reports gross output {output:千元} thousand yuan; verify its status and output.",
                observed: "{output:千元}", expected: "0 (register status {status:int})",
                example: ["output": 7_000, "status": 4]),
        ])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let status = context.register[code: RegisterField.status]
        let x = context.current(.grossOutput)
        for row in 0..<context.reports.count {
            let registerRow = context.registerRows[row]
            guard registerRow >= 0 else { result.notEvaluated("not in the register"); continue }
            let state = RegisterStatus(rawValue: status[Int(registerRow)])
            guard state == .suspended || state == .deregistered, x[row] > 0,
                  !context.register.isDueToReport(row: Int(registerRow), period: context.period) else { result.pass(); continue }
            let score = Scoring.score(suspicion: Scoring.contradictionSuspicion, deviation: x[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(
                indicator: "gross_output", variant: state == .suspended ? "stopped" : "deregistered",
                ["output": .number(x[row]), "status": .number(Double(state!.rawValue))])))
        }
    }
}
