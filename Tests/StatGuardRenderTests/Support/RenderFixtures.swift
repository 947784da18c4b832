import StatGuardCore
import StatGuardReports
import StatGuardTestSupport
@testable import StatGuardSummaries

/// Summaries and findings for the renderer tests: three counties of 达州 over
/// 13 reporting periods (1-2月 combined), hostile names where a test needs them.
enum RenderFixtures {
    static let counties = [("511702", "通川区"), ("511703", "达川区"), ("511722", "宣汉县")]
    static let towns = [("511702001", "东城街道", 40, 40), ("511702002", "西城街道", 31, 30), ("511703100", "南外镇", 25, 21),
                        ("511722101", "东乡街道", 18, 17), ("511722102", "君塘镇", 9, 6)]

    /// 2023-11 … 2024-12 without 2024-01: 13 periods.
    static var periods: [Period] {
        [Period(year: 2023, month: 11), Period(year: 2023, month: 12)] + (2...12).map { Period(year: 2024, month: $0) }
    }

    static func monthLabel(_ p: Period) -> String {
        p.month == 2 ? "\(p.year)年1-2月" : "\(p.year)年\(p.month)月"
    }

    static func figures(total: Double?, growth: Double? = nil, store: Double? = nil, contribution: Double? = nil, share: Double? = nil) -> MeasureFigures {
        MeasureFigures(total: total, growth: growth, storeGrowth: store, contribution: contribution, share: share)
    }

    static func row(_ view: SummaryView, _ breakdown: Breakdown, _ code: String, _ name: String, enterprises: Int,
                    output: MeasureFigures, due: Int? = nil, reported: Int? = nil) -> SummaryRow {
        var measures = Measure.allCases.map { _ in MeasureFigures() }
        measures[Measure.grossOutput.rawValue] = output
        measures[Measure.salesOutput.rawValue] = figures(total: output.total.map { $0 * 0.97 }, growth: output.growth)
        if view == .month {
            measures[Measure.electricity.rawValue] = figures(total: output.total.map { $0 / 900 }, growth: 0.031)
            measures[Measure.employees.rawValue] = figures(total: Double(enterprises * 85), growth: -0.012)
        } else {
            measures[Measure.revenue.rawValue] = figures(total: output.total.map { $0 * 1.02 }, growth: 0.05)
            measures[Measure.profit.rawValue] = figures(total: output.total.map { $0 * 0.061 }, growth: -0.083)
        }
        return SummaryRow(view: view, breakdown: breakdown, code: code, name: name, enterprises: enterprises, measures: measures,
                          lossMaking: view == .ytd ? enterprises / 7 : nil, reportingDue: due, reportingReported: reported)
    }

    /// The summary of period number `index` in ``periods``: county output grows by its own trend, the 1-2月 period doubles.
    static func summary(_ index: Int) -> PeriodSummary {
        let period = periods[index]
        let months = period.month == 2 ? 2.0 : 1.0
        var rows: [SummaryRow] = []
        var countyOutputs: [Double] = []
        for (c, _) in counties.enumerated() {
            let base = [1_850_000.0, 1_120_000.0, 640_000.0][c]
            let trend = [0.004, -0.006, 0.012][c]
            let wave = [0.03, 0.05, -0.04][c] * Double((index * (c + 2)) % 5 - 2) / 2
            countyOutputs.append(base * months * (1 + trend * Double(index) + wave))
        }
        let total = countyOutputs.reduce(0, +)
        let growths = [0.062, -0.034, 0.118]
        let baseTotal = zip(countyOutputs, growths).map { $0 / (1 + $1) }.reduce(0, +)
        let areaGrowth = total / baseTotal - 1
        let storeGrowth = index == 12 ? areaGrowth + 0.043 : areaGrowth + 0.004 * Double(index % 3)
        let due = towns.map(\.2).reduce(0, +), reported = towns.map(\.3).reduce(0, +)
        for view in SummaryView.allCases {
            let scale = view == .month ? 1.0 : Double(period.month) * 0.98
            rows.append(row(view, .area, "all", "全部", enterprises: 123, output: figures(
                total: total * scale, growth: areaGrowth, store: storeGrowth, contribution: areaGrowth * 100, share: 1),
                due: due, reported: reported))
            var countyRows: [SummaryRow] = []
            for (c, (code, name)) in counties.enumerated() {
                let base = countyOutputs[c] / (1 + growths[c])
                countyRows.append(row(view, .county, code, name, enterprises: [58, 40, 25][c], output: figures(
                    total: countyOutputs[c] * scale, growth: growths[c], store: growths[c] + 0.01,
                    contribution: (countyOutputs[c] - base) / baseTotal * 100, share: countyOutputs[c] / total),
                    due: towns.filter { $0.0.hasPrefix(code) }.map(\.2).reduce(0, +),
                    reported: towns.filter { $0.0.hasPrefix(code) }.map(\.3).reduce(0, +)))
            }
            rows += countyRows.sorted { ($0[.grossOutput].total ?? 0) > ($1[.grossOutput].total ?? 0) }
            for (code, name, due, reported) in towns {
                rows.append(row(view, .town, code, name, enterprises: reported, output: figures(total: Double(reported) * 21_000 * scale),
                                due: due, reported: reported))
            }
        }
        let products = [ProductUtilisation(productCode: "2521-01", productName: "焦炭", unit: "吨", enterprises: 3, output: 120_500,
                                           outputYTD: 1_310_000, capacityForPeriod: 150_000, capacityForYTD: 1_650_000)]
        return PeriodSummary(period: period, monthLabel: monthLabel(period),
                             cumulativeLabel: "\(period.year)年1-\(period.month)月", rows: rows, products: products)
    }

    static var history: [PeriodSummary] { periods.indices.map(summary) }

    static func creditCode(_ n: Int) -> CreditCode? {
        try? CreditCode.parse(TestCodes.valid(n)).get()
    }

    static let hostileName = "=cmd|' /C calc'!A0"
    static let scriptName = "<script>alert(1)</script> & \"甲\" '乙'"

    static func finding(_ n: Int, region: String, name: String, rule: String = "O01", score: Double,
                        severity: Severity = .warning, scope: Finding.Scope = .enterprise) -> Finding {
        Finding(period: Period(year: 2024, month: 12), scope: scope, creditCode: scope == .enterprise ? creditCode(n) : nil,
                name: name, regionCode: region, industryCode: "2521", ruleID: RuleID(rule), category: .over, severity: severity,
                score: score, indicator: "gross_output", slots: ["n": .number(Double(n))])
    }

    /// Writes every fixture rule's findings as the fixtures before typed findings did.
    static let renderer = FindingRenderer(catalog: FindingCatalog(["O01", "C03", "U03", "N01", "G03", "S01"].map { id in
        RuleEntry(
            RuleID(id), category: .over, severity: .warning, title: Bilingual(zh: id, en: id), meaning: Bilingual(zh: "", en: ""),
            why: Bilingual(zh: "", en: ""), ask: Bilingual(zh: "", en: ""),
            messages: ["": FindingMessage(
                zh: "本月工业总产值高于用电量推算值 {n:int}。", en: "Output above what electricity implies {n:int}.",
                observed: "1,234.5", expected: "≤ 1,000.0", example: [:])])
    }))

    static var findings: [Finding] {
        [
            finding(1, region: "511702001001", name: "达州市通川焦化有限公司", score: 0.8123),
            finding(2, region: "511702002003", name: hostileName, rule: "C03", score: 0.25, severity: .error),
            finding(3, region: "511703100200", name: scriptName, rule: "U03", score: 0.5),
            finding(4, region: "511722102001", name: "宣汉县君塘钢铁有限公司", rule: "N01", score: 0.031, severity: .info),
            finding(5, region: "511722", name: "宣汉县", rule: "G03", score: 0.4, scope: .region),
            finding(6, region: "", name: "reports_202412.csv", rule: "S01", score: 0, severity: .error, scope: .file),
        ]
    }
}
