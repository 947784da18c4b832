import StatGuardCore

/// G01: a county whose money figures do not follow Benford's law (first two digits).
///
/// Per county (6-digit region prefix), the first-two-digit MAD over every money
/// figure ≥ 10 of its loaded reports (gross and sales output, month and year to
/// date, export, revenue). Nigrini's bands (close ≤ 0.0012, acceptable ≤ 0.0018,
/// marginal ≤ 0.0022, nonconforming above `mad_limit`) are large-sample bands:
/// a genuinely Benford county of n figures shows a MAD of about
/// ``Benford/expectedFirstTwoDigitMAD(count:)`` from sampling alone (0.0046 at
/// n = 300, 0.0032 at n = 600, 0.0018 at n = 2,000). So the bands are applied to
/// the excess MAD − E[MAD | n] (Barney & Schulzke 2016), which tends to the plain
/// MAD as n grows. Counties with fewer than `minimum_values` figures are not tested.
public struct G01_BenfordNonconformity: Check {
    public static let madLimit = CheckParameter("mad_limit", default: 0.0022, allowed: 0.0001...1, "excess MAD (over a conforming sample of that size) above which a county is nonconforming")
    public static let minimumValues = CheckParameter("minimum_values", default: 300, allowed: 50...1e9, "figures needed to test a county")
    public static let entry = RuleEntry(
        "G01", category: .over, severity: .info,
        title: Bilingual(zh: "地区数据首两位数字不符合本福特定律", en: "money figures of a region do not follow Benford's law"),
        meaning: Bilingual(
            zh: "区县全部金额数据的首两位数字分布偏离本福特定律（Nigrini的MAD，扣除同样本量下的正常抽样误差后仍超出不符合界限）。",
            en: "The first two digits of a county's money figures depart from Benford's law (Nigrini's MAD, net of what sampling alone gives for that many figures, beyond the nonconforming bound)."),
        why: Bilingual(
            zh: "自然形成的金额数据服从本福特定律；大量人为编造或调整的数据往往偏离它。",
            en: "Money figures that arise naturally follow Benford's law; many invented or adjusted ones tend not to."),
        ask: Bilingual(
            zh: "这是区域层面的提示：请抽查该区县的企业报表，重点看整数、重复数字多的企业。",
            en: "A region-level hint: sample-check the county's reports, starting with round and repeated figures."),
        parameters: [madLimit, minimumValues],
        messages: ["": FindingMessage(
            zh: "区县{county:region}的{count:int}个金额数据首两位数字分布偏离本福特定律（MAD {mad:.4}，同样本量下正常抽样误差约{sampling:.4}，超出{excess:.4}，Nigrini判定为不符合），数据可能经过人为调整，请抽查。",
            en: "County {county:region}: the first two digits of its {count:int} money figures depart from Benford's law (MAD {mad:.4} against {sampling:.4} expected from sampling alone, excess {excess:.4}: nonconforming in Nigrini's bands); figures may have been adjusted, sample-check them.",
            observed: "MAD {mad:.4} (excess {excess:.4})", expected: "excess ≤ {limit:.4}",
            example: ["county": "511703", "count": 1_850, "mad": 0.0061, "sampling": 0.0021, "excess": 0.004, "limit": 0.0022])])

    static let fields: [ReportField] = [.grossOutput, .grossOutputYTD, .salesOutput, .salesOutputYTD, .exportDelivery, .revenueYTD]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let limit = settings.value(Self.madLimit)
        var values: [RegionCode: [Double]] = [:]
        let columns = Self.fields.map { context.current($0) }
        for row in 0..<context.reports.count {
            let county = context.reports.regionCodes[row].county
            for column in columns where column[row] >= 10 { values[county, default: []].append(column[row]) }
        }
        for county in values.keys.sorted() {
            let (mad, count) = Benford.firstTwoDigitMAD(values[county]!)
            guard count >= settings.count(Self.minimumValues) else { result.notEvaluated("too few figures to test"); continue }
            let sampling = Benford.expectedFirstTwoDigitMAD(count: count)
            let excess = mad - sampling
            let conformity = Benford.Conformity.firstTwoDigits(mad: excess)
            result.notes.append(
                "\(county.countyCode): MAD \(String(format: "%.4f", mad)) over \(count) figures, "
                    + "\(String(format: "%.4f", sampling)) expected from sampling, excess \(String(format: "%.4f", excess)): \(conformity.rawValue)")
            guard excess > limit else { result.pass(); continue }
            let code = county.countyCode
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: excess, bound: limit), deviation: context.countyTotals.total(.grossOutput, county: county) * 0.01,
                total: context.countyTotals.areaTotal(.grossOutput))
            result.fail(context.finding(region: code, name: "区县 \(code)", Self.entry, settings, score: score, FindingFacts(indicator: "money figures", [
                "county": .text(code), "count": .number(Double(count)), "mad": .number(mad), "sampling": .number(sampling),
                "excess": .number(excess), "limit": .number(limit),
            ])))
        }
    }
}
