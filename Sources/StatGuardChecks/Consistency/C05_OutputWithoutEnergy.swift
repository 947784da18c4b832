import StatGuardCore
import StatGuardIngest

/// C05: gross output reported with no electricity and no energy consumption.
///
/// Production consumes energy; output with both at zero (energy blank counts as
/// zero here) means a figure is missing or invented.
public struct C05_OutputWithoutEnergy: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output (千元) below which the check is not applied")
    public static let descriptor = CheckDescriptor(
        ruleID: "C05", title: "output without electricity or energy", titleZh: "有产值无能耗",
        category: .consistency, defaultSeverity: .warning, parameters: [minimumOutput])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.value(Self.minimumOutput)
        let output = context.current(.grossOutput)
        let electricity = context.current(.electricity)
        let energy = context.current(.energy)
        for row in 0..<context.reports.count {
            guard output[row] >= minimum else { result.notEvaluated("output below minimum"); continue }
            guard electricity[row] == 0, energy[row].isNaN || energy[row] == 0 else { result.pass(); continue }
            let score = Scoring.score(
                suspicion: 1, deviation: output[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: "electricity", observed: "0", expected: "> 0",
                zh: "本月工业总产值\(Figures.amount(output[row]))千元，但工业用电量和综合能源消费量均为零，请核实。",
                en: "Gross output \(Figures.amount(output[row])) thousand yuan with zero electricity and zero energy consumption; verify.")))
        }
    }
}
