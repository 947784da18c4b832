import StatGuardCore
import StatGuardIngest
import StatGuardSummaries
import StatGuardTestSupport
import Testing

/// How a summary names its period and its 本年累计 span.
@Suite("Summary labels")
struct SummaryLabelTests {
    static func summary(_ period: Period, calendar: ReportingCalendar = ReportingCalendar()) throws -> PeriodSummary {
        let folder = try FixtureFolder("labels")
        let rows = AreaFixture.enterprises.map { AreaFixture.reportFields($0, period: period) }
        let reports = try SummaryFixture.read(rows, period: period, in: folder).table
        return SummaryBuilder.build(SummaryInput(
            period: period, calendar: calendar, reports: reports, priorYear: nil, register: nil, products: nil, capacity: nil,
            chains: [], parks: []))
    }

    @Test("labels by period", arguments: [
        (2, "2024年1-2月", "2024年1-2月"), (3, "2024年3月", "2024年1-3月（一季度）"), (5, "2024年5月", "2024年1-5月"),
        (6, "2024年6月", "2024年1-6月（上半年）"), (9, "2024年9月", "2024年1-9月（前三季度）"), (12, "2024年12月", "2024年1-12月（全年）"),
    ])
    func labels(month: Int, monthLabel: String, cumulative: String) throws {
        let summary = try Self.summary(Period(year: 2024, month: month))
        #expect(summary.monthLabel == monthLabel)
        #expect(summary.cumulativeLabel == cumulative)
    }

    @Test("with January reported alone, 2024-02 is February")
    func separateJanuary() throws {
        let calendar = ReportingCalendar(combinesJanuaryFebruary: false)
        let february = try Self.summary(Period(year: 2024, month: 2), calendar: calendar)
        #expect(february.monthLabel == "2024年2月")
        #expect(february.cumulativeLabel == "2024年1-2月")
        let january = try Self.summary(Period(year: 2024, month: 1), calendar: calendar)
        #expect(january.monthLabel == "2024年1月")
        #expect(january.cumulativeLabel == "2024年1月")
    }

    @Test("in 1-2月 the month and the year to date are the same figures")
    func januaryFebruaryFigures() throws {
        let summary = try Self.summary(Period(year: 2024, month: 2))
        let month = try #require(summary.rows(.month, .area)["all"])
        let ytd = try #require(summary.rows(.ytd, .area)["all"])
        #expect(month[.grossOutput].total == ytd[.grossOutput].total)
        #expect(month[.grossOutput].total == Double(AreaFixture.enterprises.map { 2 * $0.output }.reduce(0, +)))
    }
}
