import StatGuardCore
import Testing

private func p(_ year: Int, _ month: Int) -> Period { Period(year: year, month: month) }

/// The reporting calendar, with January and February combined (the default) and apart.
@Suite struct ReportingCalendarTests {
    let combined = ReportingCalendar()
    let monthly = ReportingCalendar(combinesJanuaryFebruary: false)

    @Test func combiningIsTheDefault() {
        #expect(ReportingCalendar().combinesJanuaryFebruary)
        #expect(combined != monthly)
    }

    @Test func reportingPeriods() {
        #expect(!combined.isReportingPeriod(p(2024, 1)))
        #expect(combined.isReportingPeriod(p(2024, 2)))
        #expect(combined.isReportingPeriod(p(2024, 12)))
        #expect(monthly.isReportingPeriod(p(2024, 1)))
        #expect(monthly.isReportingPeriod(p(2024, 2)))
    }

    @Test func firstPeriodOpensTheYear() {
        #expect(combined.firstPeriod(ofYear: 2024) == p(2024, 2))
        #expect(monthly.firstPeriod(ofYear: 2024) == p(2024, 1))
        #expect(combined.opensYear(p(2024, 2)))
        #expect(!combined.opensYear(p(2024, 3)))
        #expect(monthly.opensYear(p(2024, 1)))
        #expect(!monthly.opensYear(p(2024, 2)))
    }

    @Test func previousAcrossTheCombinedPeriod() {
        #expect(combined.previous(p(2024, 3)) == p(2024, 2))
        #expect(combined.previous(p(2024, 2)) == p(2023, 12))
        #expect(combined.previous(p(2024, 12)) == p(2024, 11))
        #expect(monthly.previous(p(2024, 3)) == p(2024, 2))
        #expect(monthly.previous(p(2024, 2)) == p(2024, 1))
        #expect(monthly.previous(p(2024, 1)) == p(2023, 12))
    }

    @Test func lagCountsReportingPeriods() {
        #expect(combined.lag(p(2024, 4), 0) == p(2024, 4))
        #expect(combined.lag(p(2024, 4), 2) == p(2024, 2))
        #expect(combined.lag(p(2024, 4), 3) == p(2023, 12))
        #expect(combined.lag(p(2024, 3), 12) == p(2023, 2))  // 11 reporting periods a year
        #expect(combined.lag(p(2024, 3), 11) == p(2023, 3))
        #expect(monthly.lag(p(2024, 4), 3) == p(2024, 1))
        #expect(monthly.lag(p(2024, 3), 12) == p(2023, 3))
    }

    @Test func sameTimeLastYear() {
        #expect(combined.sameTimeLastYear(p(2024, 2)) == p(2023, 2))  // 1-2月 ↔ last year's 1-2月
        #expect(combined.sameTimeLastYear(p(2024, 3)) == p(2023, 3))
        #expect(monthly.sameTimeLastYear(p(2024, 1)) == p(2023, 1))
        #expect(monthly.sameTimeLastYear(p(2024, 2)) == p(2023, 2))
    }

    @Test func periodsSkipJanuaryOnlyWhenCombined() {
        #expect(combined.periods(from: p(2023, 11), through: p(2024, 3)) == [p(2023, 11), p(2023, 12), p(2024, 2), p(2024, 3)])
        #expect(monthly.periods(from: p(2023, 12), through: p(2024, 2)) == [p(2023, 12), p(2024, 1), p(2024, 2)])
        #expect(combined.periods(from: p(2024, 3), through: p(2024, 2)).isEmpty)
        #expect(combined.periods(from: p(2024, 1), through: p(2024, 1)).isEmpty)
    }

    @Test func labels() {
        #expect(combined.label(p(2024, 2)) == "2024年1-2月")
        #expect(combined.label(p(2024, 3)) == "2024年3月")
        #expect(monthly.label(p(2024, 2)) == "2024年2月")
        #expect(monthly.label(p(2024, 1)) == "2024年1月")
        #expect(combined.cumulativeLabel(p(2024, 2)) == "1-2月")
        #expect(combined.cumulativeLabel(p(2024, 12)) == "1-12月")
        #expect(monthly.cumulativeLabel(p(2024, 1)) == "1月")
        #expect(monthly.cumulativeLabel(p(2024, 2)) == "1-2月")
    }
}
