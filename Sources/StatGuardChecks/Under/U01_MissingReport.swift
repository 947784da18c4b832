import StatGuardCore
import StatGuardIngest

/// U01: a registered enterprise due to report has no report (漏报).
///
/// Due: 规上 (above_scale 1), 正常运营 (status 1), entered ≤ period < exited.
/// An enterprise whose row was quarantined did report and is not flagged here
/// (its S* finding says what to fix). The score weighs the enterprise's last
/// known output (last period, else a year ago) against the county total.
public struct U01_MissingReport: Check {
    public static let descriptor = CheckDescriptor(
        ruleID: "U01", title: "registered enterprise did not report", titleZh: "名录内规上企业未报送（漏报）",
        category: .under, defaultSeverity: .warning)

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
        let known = [1, 12].compactMap { lag in context.history.reports[lag].map { ($0, $0.rowIndex()) } }
        for row in missing {
            let code = register.creditCodes[row]
            let lastOutput = known.lazy.compactMap { table, index in index[code].map { table[ReportField.grossOutput][$0] } }.first ?? .nan
            let score = Scoring.score(
                suspicion: 1, deviation: lastOutput.isNaN ? 0 : lastOutput,
                total: context.countyTotals.total(.grossOutput, county: register.regionCodes[row]))
            let history = lastOutput.isNaN ? ("无历史产值", "no earlier output on record")
                : ("最近一期总产值\(Figures.amount(lastOutput))千元", "last known output \(Figures.amount(lastOutput)) thousand yuan")
            result.fail(context.finding(row: row, of: register, Self.descriptor, settings, score: score, FindingText(
                indicator: "report", observed: "no report", expected: "report due",
                zh: "名录库中规上正常运营企业本期未报送月报（\(history.0)），请催报并核实是否停产。",
                en: "Registered above-size operating enterprise sent no report this period (\(history.1)); chase the report and check whether it stopped.")))
        }
    }
}
