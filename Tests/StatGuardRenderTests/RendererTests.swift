import Foundation
import StatGuardCore
import StatGuardReports
import StatGuardSummaries
import StatGuardWorkbook
import Testing

@Suite struct AlertsWorkbookTests {
    static func render() throws -> [UInt8] {
        try AlertsWorkbook.render(RenderFixtures.findings, RenderFixtures.renderer, pipeline: "dazhou", period: Period(year: 2024, month: 12), periodLabel: "2024年12月",
                                  countyNames: ["511722": "宣汉县"])
    }

    @Test func oneSheetForAllThenOnePerCounty() {
        let book = AlertsWorkbook.workbook(RenderFixtures.findings, RenderFixtures.renderer, pipeline: "dazhou", period: Period(year: 2024, month: 12),
                                           periodLabel: "2024年12月", countyNames: ["511722": "宣汉县"])
        #expect(book.sheets.map(\.name) == ["预警 alerts", "511702", "511703", "511722 宣汉县", "其他 other"])
        #expect(book.sheets.map(\.rows.count) == [6, 2, 1, 2, 1])
        let scores = book.sheets[0].rows.map { row -> Double in
            if case .number(let score, _) = row[9] { return score }
            return -1
        }
        #expect(scores == [0.8123, 0.5, 0.4, 0.25, 0.031, 0])
        #expect(book.sheets[0].columns.map(\.header) == AlertsCSV.header + ["reason", "by"])
        #expect(book.sheets.allSatisfy { $0.columns[16].header == "status" && $0.columns[16].choices == AlertsWorkbook.statuses })
        // Each row holds its key's status (open: the fixtures carry no decisions) and empty reason and by.
        #expect(book.sheets[0].rows.allSatisfy { $0[16] == .text("open") && $0[20] == .empty && $0[21] == .empty })
    }

    /// One finding in each county of `cities` cities of `countiesPerCity` counties, in `provinces` provinces.
    static func spread(provinces: Int, cities: Int, countiesPerCity: Int) -> [Finding] {
        var findings: [Finding] = []
        for province in 0..<provinces {
            for city in 1...cities {
                for county in 1...countiesPerCity {
                    let code = String(format: "%02d%02d%02d", 11 + province, city, county)
                    findings.append(RenderFixtures.finding(findings.count + 1, region: code + "100001", name: "企业\(findings.count)", score: 0.5))
                }
            }
        }
        return findings
    }

    static func book(_ findings: [Finding], names: [String: String] = [:]) -> Workbook {
        AlertsWorkbook.workbook(findings, RenderFixtures.renderer, pipeline: "national", period: Period(year: 2024, month: 12),
                                periodLabel: "2024年12月", countyNames: names)
    }

    /// A province's 180 counties keep a sheet each; 300 counties in 30 cities make a sheet per city,
    /// named when regions.csv names the city.
    @Test func manyCountiesMakeOneSheetPerCity() {
        #expect(Self.book(Self.spread(provinces: 1, cities: 20, countiesPerCity: 9)).sheets.count == 1 + 180)
        let book = Self.book(Self.spread(provinces: 3, cities: 10, countiesPerCity: 10), names: ["110100": "一市", "110101": "一县"])
        #expect(book.sheets.count == 1 + 30)
        #expect(book.sheets[1].name == "110100 一市")
        #expect(book.sheets[2].name == "110200")
        #expect(book.sheets.dropFirst().allSatisfy { $0.rows.count == 10 })
        #expect(book.sheets.dropFirst().map(\.rows.count).reduce(0, +) == book.sheets[0].rows.count)
    }

    /// A national month (about 2,850 counties in 330 cities) makes one sheet per province and still
    /// holds every finding once in its regional sheet; the workbook is written.
    @Test func aNationalMonthMakesOneSheetPerProvince() throws {
        let findings = Self.spread(provinces: 31, cities: 11, countiesPerCity: 9)
        let book = Self.book(findings)
        #expect(book.sheets.count == 1 + 31)
        #expect(book.sheets.map(\.name).dropFirst().prefix(2) == ["110000", "120000"])
        #expect(book.sheets.dropFirst().allSatisfy { $0.rows.count == 11 * 9 })
        #expect(book.sheets[0].rows.count == AlertsWorkbook.topFindings)
        #expect(book.sheets.dropFirst().map(\.rows.count).reduce(0, +) == 3_069)
        let xlsx = try book.xlsx()
        #expect(try XLSXArchive.entry(xlsx, "xl/worksheets/sheet32.xml").contains("<dimension ref=\"A1:V100\"/>"))
    }

    /// 1,500 findings: the first sheet lists the 1,000 highest scores in order, the county sheets all 1,500.
    @Test func theFirstSheetListsTheTopFindings() {
        let counties = ["511702", "511703", "511722"]
        let findings = (0..<1_500).map { (n: Int) -> Finding in
            let score = Double((n * 7_919) % 1_500) / 1_500
            return RenderFixtures.finding(n + 1, region: counties[n % 3] + "100001", name: "企业\(n)", score: score)
        }
        let book = Self.book(findings)
        let scores = book.sheets[0].rows.map { row -> Double in
            if case .number(let score, _) = row[9] { return score }
            return -1
        }
        #expect(AlertsWorkbook.topFindings == 1_000)
        #expect(scores.count == 1_000)
        let top: [Double] = (500..<1_500).reversed().map { Double($0) / 1_500 }
        #expect(scores == top)
        #expect(book.sheets.dropFirst().map { $0.rows.count } == [500, 500, 500])
    }

    @Test func sheetXMLMatchesGolden() throws {
        let xlsx = try Self.render()
        Golden.check(try XLSXArchive.entry(xlsx, "xl/worksheets/sheet1.xml"), "alerts-sheet1.xml")
        Golden.check(try XLSXArchive.entry(xlsx, "xl/worksheets/sheet4.xml"), "alerts-sheet4.xml")
    }

    @Test func sameFindingsSameBytes() throws {
        #expect(try Self.render() == Self.render())
    }

    /// A name that is a formula in Excel's eyes is a string cell, in every sheet it shows in.
    @Test func formulaInANameStaysText() throws {
        let xlsx = try Self.render()
        for sheet in ["sheet1.xml", "sheet2.xml"] {
            #expect(!(try XLSXArchive.entry(xlsx, "xl/worksheets/\(sheet)")).contains("<f>"))
        }
        #expect(try XLSXArchive.entry(xlsx, "xl/worksheets/sheet1.xml").contains("t=\"inlineStr\"><is><t>=cmd|' /C calc'!A0</t></is>"))
    }
}

@Suite struct SummaryWorkbookTests {
    static var summary: PeriodSummary { RenderFixtures.summary(12) }

    @Test func headlineFirstThenOneSheetPerBreakdown() {
        let book = SummaryWorkbook.workbook(Self.summary, pipeline: "dazhou")
        #expect(book.sheets.map(\.name) == ["主要指标 headline", "分区县 county", "分乡镇（街道） town", "产能利用率 capacity"])
        let county = book.sheets[1]
        #expect(county.rows.map { $0[1] } == [.text("通川区"), .text("达川区"), .text("宣汉县")])
        #expect(county.columns.last?.header == "已报企业数")
        // 千元 → 万元 with the 万元 format; growth as a fraction with the percent format.
        guard case .number(let output, let format) = county.rows[0][3], case .number(let growth, let percent) = county.rows[0][4] else {
            Issue.record("unexpected cells \(county.rows[0])")
            return
        }
        #expect(format == .tenThousandYuan && percent == .percent)
        #expect(abs(output - (Self.summary.rows.first { $0.view == .month && $0.code == "511702" }![.grossOutput].total! / 10)) < 1e-9)
        #expect(growth == 0.062)
    }

    @Test func sheetXMLMatchesGolden() throws {
        let xlsx = try SummaryWorkbook.render(Self.summary, pipeline: "dazhou")
        Golden.check(try XLSXArchive.entry(xlsx, "xl/worksheets/sheet1.xml"), "summary-sheet1.xml")
        Golden.check(try XLSXArchive.entry(xlsx, "xl/worksheets/sheet2.xml"), "summary-sheet2.xml")
    }

    @Test func sameSummarySameBytes() throws {
        #expect(try SummaryWorkbook.render(Self.summary, pipeline: "dazhou") == SummaryWorkbook.render(Self.summary, pipeline: "dazhou"))
    }
}

@Suite struct ReportChartTests {
    @Test func summaryChartsMatchGoldens() throws {
        let files = SummaryCharts.files(RenderFixtures.history.reversed())
        #expect(files.map(\.name) == ["summary-output.svg", "summary-output-by-county.svg", "summary-growth.svg", "summary-contribution.svg", "summary-reporting-rate.svg"])
        for file in files {
            Golden.check(file.bytes, file.name)
            #expect(SVGReader.parse(String(decoding: file.bytes, as: UTF8.self)) != nil, "\(file.name)")
        }
        #expect(ChartFile.markdown(Array(files.prefix(1))) == "![全部工业总产值（本月） Gross output by month](summary-output.svg)\n\n")
    }

    @Test func alertChartMatchesGolden() throws {
        let files = AlertCharts.files(RenderFixtures.findings, periodLabel: "2024年12月", townNames: ["511702001": "东城街道"])
        #expect(files.map(\.name) == ["alerts-by-town.svg"])
        Golden.check(files[0].bytes, files[0].name)
        let svg = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(!svg.contains("<script"))
    }

    @Test func fewOrNoSummariesStillDraw() {
        #expect(SummaryCharts.files([]).isEmpty)
        let one = SummaryCharts.files([RenderFixtures.summary(0)])
        #expect(one.count == 5)
        for file in one { #expect(SVGReader.parse(String(decoding: file.bytes, as: UTF8.self)) != nil) }
        #expect(AlertCharts.files([], periodLabel: "2024年12月").count == 1)
    }
}
