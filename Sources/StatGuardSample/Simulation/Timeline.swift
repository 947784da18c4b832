import Foundation
import StatGuardCore

/// The simulated reporting periods and what each means for every industry:
/// the calendar months it covers (two for 1-2月), seasonal weight, price index
/// and trend, all measured from the first simulated month.
struct Timeline: Sendable {
    let calendar: ReportingCalendar
    /// Every simulated reporting period, in order (the year before `--from` included).
    let periods: [Period]
    /// The first simulated calendar month (index origin of ``years(_:)``).
    let origin: Int32
    /// Periods that are written to files.
    let written: Set<Int32>
    /// Periods anomalies may go into.
    let window: [Int32]

    init(_ configuration: SampleConfiguration) {
        calendar = configuration.calendar
        periods = configuration.simulatedPeriods
        origin = Period(year: configuration.from.year - 1, month: 1).monthIndex
        written = Set(configuration.writtenPeriods.map(\.monthIndex))
        window = configuration.anomalyWindow.map(\.monthIndex)
    }

    /// Years from the origin to the middle of `monthIndex`.
    func years(_ monthIndex: Int32) -> Double { (Double(monthIndex - origin) + 0.5) / 12 }

    /// Calendar months a period covers: January and February together for 1-2月.
    func months(of period: Period) -> [Int] {
        calendar.combinesJanuaryFebruary && period.month == 2 ? [1, 2] : [period.month]
    }

    /// The reporting period before `monthIndex`, or nil before the first simulated one.
    func previous(_ monthIndex: Int32) -> Int32? {
        let p = calendar.previous(Period(monthIndex: monthIndex)).monthIndex
        return p >= periods[0].monthIndex ? p : nil
    }

    /// Output value relative to start-of-simulation value for an enterprise of `profile` growing `growth` a year.
    func valueMultiplier(profile: IndustryProfile, growth: Double, years t: Double) -> Double {
        exp((profile.annualTrend + growth) * t) * pow(1 + profile.annualPriceChange, t)
    }

    /// The least ``valueMultiplier(profile:growth:years:)`` over the simulated range (annual, so seasonality aside).
    func lowestValueMultiplier(profile: IndustryProfile, growth: Double) -> Double {
        let end = years(periods.last!.monthIndex)
        return min(1, valueMultiplier(profile: profile, growth: growth, years: end))
    }

    /// The greatest ``valueMultiplier(profile:growth:years:)`` over the simulated range.
    func highestValueMultiplier(profile: IndustryProfile, growth: Double) -> Double {
        let end = years(periods.last!.monthIndex)
        return max(1, valueMultiplier(profile: profile, growth: growth, years: end))
    }
}

/// Per-period, per-industry factors, computed once per period.
struct PeriodFactors {
    /// Seasonal weight of the period (sum over the months it covers, ~1 per month).
    var season: [Double]
    /// Price index (1 at the origin).
    var price: [Double]
    /// exp(industry trend × years).
    var trend: [Double]
    /// Years from the origin.
    var years: Double
    /// Calendar months covered.
    var months: Int

    init(period: Period, timeline: Timeline, profiles: [IndustryProfile]) {
        let months = timeline.months(of: period)
        let t = timeline.years(period.monthIndex)
        self.years = t
        self.months = months.count
        season = profiles.map { p in months.reduce(0) { $0 + p.season.multipliers[$1 - 1] } }
        price = profiles.map { pow(1 + $0.annualPriceChange, t) }
        trend = profiles.map { exp($0.annualTrend * t) }
    }
}
