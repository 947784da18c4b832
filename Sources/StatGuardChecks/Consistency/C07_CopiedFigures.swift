import StatGuardCore
import StatGuardIngest

/// C07: the same figures as last period in several indicators (估报: estimated, not taken from the books).
///
/// Counts exact repeats of last period's non-zero gross output, sales output,
/// export delivery, electricity and energy; fires when at least `minimum_repeats`
/// of them repeat. Not evaluated without last period's report.
public struct C07_CopiedFigures: Check {
    public static let minimumRepeats = CheckParameter("minimum_repeats", default: 3, allowed: 2...5, "how many indicators must repeat exactly")
    public static let descriptor = CheckDescriptor(
        ruleID: "C07", title: "figures copied from last period", titleZh: "与上期数据雷同（疑似估报）",
        category: .consistency, defaultSeverity: .warning, parameters: [minimumRepeats])

    static let fields: [ReportField] = [.grossOutput, .salesOutput, .exportDelivery, .electricity, .energy]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = Int(settings.value(Self.minimumRepeats))
        let columns = Self.fields.map { (context.current($0), context.lagged($0, 1)) }
        let output = context.current(.grossOutput)
        for row in 0..<context.reports.count {
            guard context.lagRows[1]![row] >= 0 else { result.notEvaluated("no report last period"); continue }
            var repeated: [String] = []
            for (field, (now, before)) in zip(Self.fields, columns) where now[row] > 0 && now[row] == before[row] {
                repeated.append(field.spec.name)
            }
            guard repeated.count >= minimum else { result.pass(); continue }
            let score = Scoring.score(
                suspicion: Double(repeated.count) / Double(minimum), deviation: output[row] * 0.1,
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                indicator: repeated.joined(separator: "+"), observed: "\(repeated.count) identical", expected: "< \(minimum) identical",
                zh: "\(repeated.count)项指标（\(repeated.joined(separator: "、"))）与上期完全相同，疑似估报，请核对企业台账。",
                en: "\(repeated.count) indicators (\(repeated.joined(separator: ", "))) are identical to last period; possibly estimated rather than taken from the books.")))
        }
    }
}
