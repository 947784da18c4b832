import StatGuardCore

/// O08: an enterprise with output but no grid electricity and no invoices (空壳/虚增企业).
///
/// The admin data covers every enterprise of the area, so one missing from it
/// has neither. Fires when output ≥ `minimum_output` and the grid electricity
/// and invoiced sales are both zero or absent.
public struct O08_ShellEnterprise: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output (千元) from which the check applies")
    public static let entry = RuleEntry(
        "O08", category: .over, severity: .warning,
        title: Bilingual(zh: "有产值但无电网用电、无开票（疑似空壳企业）", en: "output with no grid electricity and no invoices"),
        meaning: Bilingual(
            zh: "企业报告了产值，但电网售电量和增值税开票销售额均为零，或部门共享数据中根本没有该企业。",
            en: "The enterprise reports output while the grid metered no electricity and the tax bureau recorded no invoices, or it is absent from their data."),
        why: Bilingual(
            zh: "真实生产必然用电、开票；两者皆无的企业可能是空壳或为虚增产值而虚构的企业。",
            en: "Real production uses power and issues invoices; an enterprise with neither may be a shell or invented to inflate output."),
        ask: Bilingual(
            zh: "请实地核查企业是否存在、是否生产，并调取其电费和纳税记录。",
            en: "Check on site whether the enterprise exists and produces, and obtain its electricity and tax records."),
        parameters: [minimumOutput],
        messages: [
            "": FindingMessage(
                zh: "本月工业总产值{output:千元}千元，但电网售电量和增值税开票销售额均为零，疑似空壳或虚增企业，请实地核查。",
                en: "Gross output {output:千元} thousand yuan but zero grid electricity and zero invoiced sales; possibly a shell or fabricated enterprise, check on site.",
                observed: "{output:千元}", expected: "grid electricity and invoices > 0",
                example: ["output": 25_000]),
            "absent": FindingMessage(
                zh: "本月工业总产值{output:千元}千元，但部门共享数据中无该企业，疑似空壳或虚增企业，请实地核查。",
                en: "Gross output {output:千元} thousand yuan but the enterprise is absent from the grid and tax data; possibly a shell or fabricated enterprise, check on site.",
                observed: "{output:千元}", expected: "grid electricity and invoices > 0",
                example: ["output": 25_000]),
        ])
    public static let needs: Set<FileKind> = [.admin]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.value(Self.minimumOutput)
        let x = context.current(.grossOutput)
        let grid = context.adminAligned(.gridElectricity)
        let invoiced = context.adminAligned(.invoicedSales)
        for row in 0..<context.reports.count {
            guard x[row] >= minimum else { result.notEvaluated("output below minimum"); continue }
            let noGrid = grid[row].isNaN || grid[row] == 0
            let noInvoices = invoiced[row].isNaN || invoiced[row] == 0
            guard noGrid && noInvoices else { result.pass(); continue }
            let absent = context.adminRows[row] < 0
            let score = Scoring.score(suspicion: Scoring.contradictionSuspicion, deviation: x[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "gross_output", variant: absent ? "absent" : "", ["output": .number(x[row])])))
        }
    }
}
