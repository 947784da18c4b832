import StatGuardCore

/// C06: gross output reported with zero employees at the end of the period.
public struct C06_OutputWithoutEmployees: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output (千元) below which the check is not applied")
    public static let entry = RuleEntry(
        "C06", category: .consistency, severity: .warning,
        title: Bilingual(zh: "有产值无从业人员", en: "output without employees"),
        meaning: Bilingual(
            zh: "报告了工业总产值，但从业人员期末人数为零。", en: "Gross output is reported with zero employees."),
        why: Bilingual(
            zh: "没有从业人员的产值可能是虚报，或人数漏填；两者都影响劳动生产率等指标。",
            en: "Output without employees may be invented, or the headcount was left out; both distort productivity figures."),
        ask: Bilingual(
            zh: "请企业提供工资表或社保缴纳人数。", en: "Ask for the payroll or the social-insurance headcount."),
        parameters: [minimumOutput],
        messages: ["": FindingMessage(
            zh: "本月工业总产值{output:千元}千元，但从业人员期末人数为零，请核实。",
            en: "Gross output {output:千元} thousand yuan with zero employees; verify.",
            observed: "0", expected: "> 0",
            example: ["output": 8_600])])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.value(Self.minimumOutput)
        let output = context.current(.grossOutput)
        let employees = context.current(.employees)
        for row in 0..<context.reports.count {
            guard output[row] >= minimum else { result.notEvaluated("output below minimum"); continue }
            guard employees[row] == 0 else { result.pass(); continue }
            let score = Scoring.score(
                suspicion: Scoring.plainSuspicion, deviation: output[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "employees", ["output": .number(output[row])])))
        }
    }
}
