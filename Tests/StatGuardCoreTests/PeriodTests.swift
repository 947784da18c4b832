import StatGuardCore
import Testing

/// Periods: storage, formatting and every contract spelling.
@Suite struct PeriodTests {
    @Test("every contract spelling of March 2024", arguments: [
        "2024-03", "202403", "2024/03", "2024年3月", "2024.3",
        "2024-3", "2024/3", "2024.03", "2024年03月", "２０２４－０３", "２０２４年３月",
        " 2024-03 ", "2024-03-01", "2024/3/1",
    ])
    func marchSpellings(_ text: String) {
        #expect(Period(text) == Period(year: 2024, month: 3))
    }

    @Test func combinedFirstPeriodReadsAsFebruary() {
        #expect(Period("2024年1-2月") == Period(year: 2024, month: 2))
        #expect(Period("2024年1－2月") == Period(year: 2024, month: 2))
        #expect(Period("2024年2月") == Period(year: 2024, month: 2))
    }

    @Test("rejected spellings", arguments: [
        "2024-13", "24-03", "2024-00", "202413", "202400", "2403", "2024", "", " ",
        "2024年3", "2024-03月", "2024年1-3月", "2024年2-3月", "2024.03.01", "2024-03-15",
        "2024/03-01", "abc", "2024-3-", "-2024-03", "2024-003", "1899-12", "2024年3月5",
        "2024年3月-", "20240301", "2024-03x",
    ])
    func rejected(_ text: String) {
        #expect(Period(text) == nil)
    }

    @Test func formatting() {
        let march = Period(year: 2024, month: 3)
        #expect(march.description == "2024-03")
        #expect(march.compact == "202403")
        #expect(Period(year: 2023, month: 12).description == "2023-12")
        #expect(march.year == 2024)
        #expect(march.month == 3)
        #expect(march.monthIndex == Int32(2024 * 12 + 2))
        #expect(Period(monthIndex: march.monthIndex) == march)
    }

    @Test func arithmeticCrossesYears() {
        let february = Period(year: 2024, month: 2)
        #expect(february.adding(months: -2) == Period(year: 2023, month: 12))
        #expect(february.adding(months: 11) == Period(year: 2025, month: 1))
        #expect(february.adding(months: -12) == Period(year: 2023, month: 2))
        #expect(february.adding(months: 0) == february)
    }

    @Test func ordering() {
        let periods = [Period(year: 2024, month: 1), Period(year: 2023, month: 12), Period(year: 2024, month: 11)]
        #expect(periods.sorted().map(\.description) == ["2023-12", "2024-01", "2024-11"])
        #expect(Period(year: 2023, month: 12) < Period(year: 2024, month: 1))
    }

    @Test func parsingRoundTripsEveryMonth() {
        for year in [1999, 2000, 2024, 2099] {
            for month in 1...12 {
                let period = Period(year: year, month: month)
                #expect(Period(period.description) == period)
                #expect(Period(period.compact) == period)
                #expect(Period("\(year)年\(month)月") == period)
            }
        }
    }
}

/// Regression (issue 11): a period cell of many digits overflowed the group's Int.
@Suite struct PeriodOverflowTests {
    @Test(arguments: ["9999999999999999999999", "2024-99999999999999999999", "１２３４５６７８９０１２３４５６７８９０１"])
    func manyDigitsAreNotAPeriod(_ text: String) {
        #expect(Period(text) == nil)
    }

    @Test func eightDigitDatesStillRead() {
        #expect(Period("20240301") == nil || Period("20240301") == Period(year: 2024, month: 3))
        #expect(Period("2024-03-01") == Period(year: 2024, month: 3))
    }
}
