import StatGuardCore
import StatGuardIngest

/// O08: an enterprise with output but no grid electricity and no invoices (空壳/虚增企业).
///
/// The admin data covers every enterprise of the area, so one missing from it
/// has neither. Fires when output ≥ `minimum_output` and the grid electricity
/// and invoiced sales are both zero or absent.
public struct O08_ShellEnterprise: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output (千元) from which the check applies")
    public static let descriptor = CheckDescriptor(
        ruleID: "O08", title: "output with no grid electricity and no invoices", titleZh: "有产值但无电网用电、无开票（疑似空壳企业）",
        category: .over, defaultSeverity: .warning, parameters: [minimumOutput])
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
            let score = Scoring.score(suspicion: 2, deviation: x[row], total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: "gross_output", observed: Figures.amount(x[row]), expected: "grid electricity and invoices > 0",
                zh: "本月工业总产值\(Figures.amount(x[row]))千元，但\(absent ? "部门共享数据中无该企业" : "电网售电量和增值税开票销售额均为零")，疑似空壳或虚增企业，请实地核查。",
                en: "Gross output \(Figures.amount(x[row])) thousand yuan but \(absent ? "the enterprise is absent from the grid and tax data" : "zero grid electricity and zero invoiced sales"); possibly a shell or fabricated enterprise, check on site.")))
        }
    }
}
