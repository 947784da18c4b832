/// Which periods are reported in a year and how they relate.
///
/// As in China's published monthly industrial statistics, the first period of a
/// year is normally 1-2月: the first report of a year is `YYYY-02` and covers
/// January and February together. Some areas collect January alone; then every
/// month is a period and `YYYY-02` is February alone.
public struct ReportingCalendar: Sendable, Equatable {
    /// True (the default) when January and February are reported together as `YYYY-02`.
    public var combinesJanuaryFebruary: Bool

    public init(combinesJanuaryFebruary: Bool = true) {
        self.combinesJanuaryFebruary = combinesJanuaryFebruary
    }

    /// Whether `period` is a period reports are due for (January is not, when combined).
    public func isReportingPeriod(_ period: Period) -> Bool {
        !(combinesJanuaryFebruary && period.month == 1)
    }

    /// The first reporting period of `year`.
    public func firstPeriod(ofYear year: Int) -> Period {
        Period(year: year, month: combinesJanuaryFebruary ? 2 : 1)
    }

    /// Whether `period` opens its year, so its 本年累计 equals its 本月.
    public func opensYear(_ period: Period) -> Bool {
        period == firstPeriod(ofYear: period.year)
    }

    /// The reporting period before `period` (the 1-2月 period's predecessor is last December).
    public func previous(_ period: Period) -> Period {
        let candidate = period.adding(months: -1)
        return isReportingPeriod(candidate) ? candidate : candidate.adding(months: -1)
    }

    /// The reporting period `k` periods before `period` (`k` ≥ 0).
    public func lag(_ period: Period, _ k: Int) -> Period {
        var p = period
        for _ in 0..<k { p = previous(p) }
        return p
    }

    /// The same period one year earlier (1-2月 maps to last year's 1-2月).
    public func sameTimeLastYear(_ period: Period) -> Period {
        period.adding(months: -12)
    }

    /// Every reporting period from `start` through `end`, in order.
    public func periods(from start: Period, through end: Period) -> [Period] {
        var result: [Period] = []
        var p = start
        while p <= end {
            if isReportingPeriod(p) { result.append(p) }
            p = p.adding(months: 1)
        }
        return result
    }

    /// How users name the period: `2024年1-2月` for the combined first period, else `2024年3月`.
    public func label(_ period: Period) -> String {
        if combinesJanuaryFebruary && period.month == 2 { return "\(period.year)年1-2月" }
        return "\(period.year)年\(period.month)月"
    }

    /// The 本年累计 span ending at `period`: `1-2月`, `1-3月` … `1-12月` (`1月` alone when not combined).
    public func cumulativeLabel(_ period: Period) -> String {
        period.month == 1 ? "1月" : "1-\(period.month)月"
    }
}
