import StatGuardCore

/// G03: a town whose reporting rate (报送率 = reported / due) is below target.
///
/// Towns with fewer than `minimum_due` enterprises due are not evaluated: one
/// missing firm among a handful is U01's business, not a town's reporting rate.
public struct G03_LowReportingRate: Check {
    public static let target = CheckParameter("target", default: 0.9, allowed: 0...1, "reporting rate below which it fires")
    public static let minimumDue = CheckParameter("minimum_due", default: 10, allowed: 1...1e9, "enterprises due needed in the town")
    public static let entry = RuleEntry(
        "G03", category: .under, severity: .warning,
        title: Bilingual(zh: "乡镇报送率低于目标", en: "town reporting rate below target"),
        meaning: Bilingual(
            zh: "乡镇已报送企业数占应报送企业数的比例低于目标。", en: "The share of a town's enterprises due that reported is below the target."),
        why: Bilingual(
            zh: "报送率低说明大量产值未进入汇总（应统尽统），乡镇合计被低估。",
            en: "A low reporting rate leaves output out of the totals (应统尽统); the town's sums are understated."),
        ask: Bilingual(
            zh: "请乡镇统计员督促未报企业尽快报送。", en: "Ask the town's statistician to chase the missing reports."),
        parameters: [target, minimumDue],
        messages: ["": FindingMessage(
            zh: "乡镇{town:region}应报{due:int}家、已报{reported:int}家，报送率{rate:%}低于目标{target:%}，请督促未报企业。",
            en: "Town {town:region}: {reported:int} of {due:int} enterprises due reported, a rate of {rate:%} below the {target:%} target; chase the missing reports.",
            observed: "{rate:%}", expected: "≥ {target:%}",
            example: ["town": "511703001", "due": 40, "reported": 31, "rate": 0.775, "target": 0.9])])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let target = settings.value(Self.target)
        let reported = context.reportingRate
        for (town, count) in reported.byTown {
            guard count.due >= settings.count(Self.minimumDue), let rate = count.rate else {
                result.notEvaluated("too few enterprises due"); continue
            }
            guard rate < target else { result.pass(); continue }
            let code = town.townCode
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: target, bound: max(rate, 0.01)),
                deviation: Double(count.due - count.reported) / Double(count.due) * context.countyTotals.total(.grossOutput, county: town) * 0.01,
                total: context.countyTotals.total(.grossOutput, county: town))
            result.fail(context.finding(region: code, name: "乡镇 \(code)", Self.entry, settings, score: score, FindingFacts(indicator: "reporting_rate", [
                "town": .text(code), "due": .number(Double(count.due)), "reported": .number(Double(count.reported)),
                "rate": .number(rate), "target": .number(target),
            ])))
        }
    }
}
