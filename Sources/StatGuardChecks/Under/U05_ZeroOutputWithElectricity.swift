import StatGuardCore
import StatGuardIngest

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
    public static let descriptor = CheckDescriptor(
        ruleID: "U05", title: "zero output while electricity runs", titleZh: "零产值但用电未停",
        category: .under, defaultSeverity: .warning, parameters: [runningShare, minimumElectricity])

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
            guard registerRow >= 0, status[Int(registerRow)] == 1 else { result.notEvaluated("not operating in the register"); continue }
            let typical = positiveMedian(history[0][row], history[1][row], history[2][row], history[3][row])
            guard !typical.isNaN else { result.notEvaluated("no electricity history"); continue }
            let now = grid[row].isNaN ? reported[row] : grid[row]
            guard now >= minimum, now >= share * typical else { result.pass(); continue }
            let lastOutput = median([output1[row], output12[row]].filter { !$0.isNaN })
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: now, bound: share * typical), deviation: lastOutput.isNaN ? 0 : lastOutput,
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            let source = grid[row].isNaN ? ("企业填报用电量", "reported electricity") : ("电网售电量", "grid-metered electricity")
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: "gross_output", observed: "0", expected: "> 0 (electricity \(Figures.amount(now)))",
                zh: "本月工业总产值为零，但\(source.0)\(Figures.amount(now))万千瓦时，达到其常态用电\(Figures.amount(typical))的\(Figures.percent(now / typical))，生产未停，请核实是否漏报产值。",
                en: "Zero gross output although \(source.1) is \(Figures.amount(now)) 万kWh, \(Figures.percent(now / typical)) of its typical \(Figures.amount(typical)); production did not stop, verify the output.")))
        }
    }
}
