import StatGuardCore
import StatGuardIngest

/// O11: several enterprises reporting identical figures in the same month (打捆重复报送).
///
/// Groups reports by (gross output, sales output, electricity, employees) among
/// those with output ≥ `minimum_output`; every member of a group of two or more is flagged.
public struct O11_BundledReports: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 1000, allowed: 0...1e9, "output (千元) from which identical figures count")
    public static let descriptor = CheckDescriptor(
        ruleID: "O11", title: "identical figures from several enterprises", titleZh: "多家企业数据完全相同（疑似打捆重复报送）",
        category: .over, defaultSeverity: .warning, parameters: [minimumOutput])

    /// How many of the other members a message names.
    static let namesListed = 5

    struct Figures4: Hashable {
        var output, sales, electricity, employees: Double
    }

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.value(Self.minimumOutput)
        let x = context.current(.grossOutput), s = context.current(.salesOutput)
        let e = context.current(.electricity), people = context.current(.employees)
        var groups: [Figures4: [Int]] = [:]
        for row in 0..<context.reports.count {
            guard x[row] >= minimum else { result.notEvaluated("output below minimum"); continue }
            groups[Figures4(output: x[row], sales: s[row], electricity: e[row], employees: people[row]), default: []].append(row)
        }
        for (figures, rows) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard rows.count >= 2 else { result.pass(); continue }
            // Name a few of the others, not all: a group can be large, and each member gets its own message.
            let listed = rows.prefix(Self.namesListed + 1)
            for row in rows {
                let named = listed.filter { $0 != row }.prefix(Self.namesListed)
                    .map { "\(context.reports.creditCodes[$0]) \(context.reports[text: ReportField.name][$0])" }
                let others = named.joined(separator: "; ") + (rows.count - 1 > named.count ? "; …" : "")
                let score = Scoring.score(
                    suspicion: min(5, Double(rows.count)), deviation: figures.output,
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                    indicator: "gross_output+sales_output+electricity+employees", observed: StatGuardChecks.Figures.amount(figures.output),
                    expected: "figures of its own",
                    zh: "总产值、销售产值、用电量、从业人员四项与其他\(rows.count - 1)家企业完全相同（\(others)），疑似打捆重复报送，请核实。",
                    en: "Gross output, sales output, electricity and employees are identical to \(rows.count - 1) other enterprise(s) (\(others)); possibly one business reported several times.")))
            }
        }
    }
}
