import StatGuardCore
import StatGuardIngest

/// O10: an enterprise marked 停业 (2) or 注销 (4) in the register that still reports output.
public struct O10_StoppedButReporting: Check {
    public static let descriptor = CheckDescriptor(
        ruleID: "O10", title: "stopped or deregistered enterprise reports output", titleZh: "停业或注销企业仍报产值",
        category: .over, defaultSeverity: .warning)

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let status = context.register[code: RegisterField.status]
        let x = context.current(.grossOutput)
        for row in 0..<context.reports.count {
            let registerRow = context.registerRows[row]
            guard registerRow >= 0 else { result.notEvaluated("not in the register"); continue }
            let state = status[Int(registerRow)]
            guard (state == 2 || state == 4) && x[row] > 0 else { result.pass(); continue }
            let label = state == 2 ? ("停业", "suspended (停业)") : ("注销", "deregistered (注销)")
            let score = Scoring.score(suspicion: 2, deviation: x[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: "gross_output", observed: Figures.amount(x[row]), expected: "0 (register status \(state))",
                zh: "名录库运营状态为\(label.0)，本月却报工业总产值\(Figures.amount(x[row]))千元，请核实企业状态与产值。",
                en: "The register marks the enterprise \(label.1), yet it reports gross output \(Figures.amount(x[row])) thousand yuan; verify its status and output.")))
        }
    }
}
