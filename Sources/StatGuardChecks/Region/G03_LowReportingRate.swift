import StatGuardCore
import StatGuardIngest

/// G03: a town whose reporting rate (报送率 = reported / due) is below target.
///
/// Towns with fewer than `minimum_due` enterprises due are not evaluated: one
/// missing firm among a handful is U01's business, not a town's reporting rate.
public struct G03_LowReportingRate: Check {
    public static let target = CheckParameter("target", default: 0.9, allowed: 0...1, "reporting rate below which it fires")
    public static let minimumDue = CheckParameter("minimum_due", default: 10, allowed: 1...1e9, "enterprises due needed in the town")
    public static let descriptor = CheckDescriptor(
        ruleID: "G03", title: "town reporting rate below target", titleZh: "乡镇报送率低于目标",
        category: .under, defaultSeverity: .warning, parameters: [target, minimumDue])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let target = settings.value(Self.target)
        let reported = ReportingRate(register: context.register, reports: context.reports, period: context.period)
        for (town, count) in reported.byTown {
            guard count.due >= Int(settings.value(Self.minimumDue)), let rate = count.rate else {
                result.notEvaluated("too few enterprises due"); continue
            }
            guard rate < target else { result.pass(); continue }
            let code = String(town.description.prefix(9))
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: target, bound: max(rate, 0.01)),
                deviation: Double(count.due - count.reported) / Double(count.due) * context.countyTotals.total(.grossOutput, county: town) * 0.01,
                total: context.countyTotals.total(.grossOutput, county: town))
            result.fail(context.finding(region: code, name: "乡镇 \(code)", Self.descriptor, settings, score: score, FindingText(
                indicator: "reporting_rate", observed: Figures.percent(rate), expected: "≥ \(Figures.percent(target))",
                zh: "乡镇\(code)应报\(count.due)家、已报\(count.reported)家，报送率\(Figures.percent(rate))低于目标\(Figures.percent(target))，请督促未报企业。",
                en: "Town \(code): \(count.reported) of \(count.due) enterprises due reported, a rate of \(Figures.percent(rate)) below the \(Figures.percent(target)) target; chase the missing reports.")))
        }
    }
}
