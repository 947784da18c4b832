import StatGuardCore

/// C05: gross output reported with no electricity and no energy consumption.
///
/// Production consumes energy; output with both at zero (energy blank counts as
/// zero here) means a figure is missing or invented.
public struct C05_OutputWithoutEnergy: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output (千元) below which the check is not applied")
    public static let entry = RuleEntry(
        "C05", category: .consistency, severity: .warning,
        title: Bilingual(zh: "有产值无能耗", en: "output without electricity or energy"),
        meaning: Bilingual(
            zh: "报告了工业总产值，但工业用电量和综合能源消费量均为零。",
            en: "Gross output is reported with zero electricity and zero energy consumption."),
        why: Bilingual(
            zh: "工业生产必然消耗能源；零能耗的产值可能是虚报，或能耗漏填。",
            en: "Industrial production consumes energy; output without any may be invented, or the energy figures were left out."),
        ask: Bilingual(
            zh: "请企业提供本月电费单和能源购进凭证。", en: "Ask for the month's electricity bill and energy purchase records."),
        parameters: [minimumOutput],
        messages: ["": FindingMessage(
            zh: "本月工业总产值{output:千元}千元，但工业用电量和综合能源消费量均为零，请核实。",
            en: "Gross output {output:千元} thousand yuan with zero electricity and zero energy consumption; verify.",
            observed: "0", expected: "> 0",
            example: ["output": 8_600])])

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
                suspicion: Scoring.plainSuspicion, deviation: output[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "electricity", ["output": .number(output[row])])))
        }
    }
}
