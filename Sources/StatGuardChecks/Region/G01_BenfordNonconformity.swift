import StatGuardCore
import StatGuardIngest

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
    public static let descriptor = CheckDescriptor(
        ruleID: "G01", title: "money figures of a region do not follow Benford's law", titleZh: "地区数据首两位数字不符合本福特定律",
        category: .over, defaultSeverity: .info, parameters: [madLimit, minimumValues])

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
            guard count >= Int(settings.value(Self.minimumValues)) else { result.notEvaluated("too few figures to test"); continue }
            let sampling = Benford.expectedFirstTwoDigitMAD(count: count)
            let excess = mad - sampling
            let conformity = Benford.Conformity.firstTwoDigits(mad: excess)
            result.notes.append(
                "\(county.description.prefix(6)): MAD \(String(format: "%.4f", mad)) over \(count) figures, "
                    + "\(String(format: "%.4f", sampling)) expected from sampling, excess \(String(format: "%.4f", excess)): \(conformity.rawValue)")
            guard excess > limit else { result.pass(); continue }
            let code = String(county.description.prefix(6))
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: excess, bound: limit), deviation: context.countyTotals.total(.grossOutput, county: county) * 0.01,
                total: context.countyTotals.areaTotal(.grossOutput))
            let (madText, samplingText, excessText) = (String(format: "%.4f", mad), String(format: "%.4f", sampling), String(format: "%.4f", excess))
            result.fail(context.finding(region: code, name: "区县 \(code)", Self.descriptor, settings, score: score, FindingText(
                indicator: "money figures", observed: "MAD \(madText) (excess \(excessText))", expected: String(format: "excess ≤ %.4f", limit),
                zh: "区县\(code)的\(count)个金额数据首两位数字分布偏离本福特定律（MAD \(madText)，同样本量下正常抽样误差约\(samplingText)，超出\(excessText)，Nigrini判定为不符合），数据可能经过人为调整，请抽查。",
                en: "County \(code): the first two digits of its \(count) money figures depart from Benford's law (MAD \(madText) against \(samplingText) expected from sampling alone, excess \(excessText): nonconforming in Nigrini's bands); figures may have been adjusted, sample-check them.")))
        }
    }
}
