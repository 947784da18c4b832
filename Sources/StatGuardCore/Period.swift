/// A monthly reporting period, such as March 2024 (`2024-03`).
///
/// Stored as a month count (`year * 12 + month - 1`) so that comparison,
/// hashing and arithmetic are integer operations. Whether a `YYYY-02` period
/// means "1-2月" or "February alone" is decided by ``ReportingCalendar``,
/// not by the period itself.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since year 0: `year * 12 + (month - 1)`.
    public let monthIndex: Int32

    /// Creates a period from a year and a month in 1...12.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) outside 1...12")
        monthIndex = Int32(year * 12 + month - 1)
    }

    /// Creates a period from its month count (see ``monthIndex``).
    public init(monthIndex: Int32) {
        self.monthIndex = monthIndex
    }

    public var year: Int { Int(monthIndex) / 12 }
    public var month: Int { Int(monthIndex) % 12 + 1 }

    /// The period `months` calendar months later (earlier when negative).
    public func adding(months: Int) -> Period {
        Period(monthIndex: monthIndex + Int32(months))
    }

    /// `YYYY-MM`, the spelling every output uses.
    public var description: String {
        let m = month
        return "\(year)-\(m < 10 ? "0" : "")\(m)"
    }

    /// `YYYYMM`, the spelling of file names such as `reports_202403.csv`.
    public var compact: String {
        let m = month
        return "\(year)\(m < 10 ? "0" : "")\(m)"
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        lhs.monthIndex < rhs.monthIndex
    }
}
