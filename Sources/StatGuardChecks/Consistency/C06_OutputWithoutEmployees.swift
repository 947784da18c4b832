import StatGuardCore
import StatGuardIngest

/// C06: gross output reported with zero employees at the end of the period.
public struct C06_OutputWithoutEmployees: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output (千元) below which the check is not applied")
    public static let descriptor = CheckDescriptor(
        ruleID: "C06", title: "output without employees", titleZh: "有产值无从业人员",
        category: .consistency, defaultSeverity: .warning, parameters: [minimumOutput])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.value(Self.minimumOutput)
        let output = context.current(.grossOutput)
        let employees = context.current(.employees)
        for row in 0..<context.reports.count {
            guard output[row] >= minimum else { result.notEvaluated("output below minimum"); continue }
            guard employees[row] == 0 else { result.pass(); continue }
            let score = Scoring.score(
                suspicion: 1, deviation: output[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: "employees", observed: "0", expected: "> 0",
                zh: "本月工业总产值\(Figures.amount(output[row]))千元，但从业人员期末人数为零，请核实。",
                en: "Gross output \(Figures.amount(output[row])) thousand yuan with zero employees; verify.")))
        }
    }
}
