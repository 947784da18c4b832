
/// What the checks of period P need from earlier periods, column by column.
///
/// Reports at P−1, P−2, P−3 (reporting periods, so the predecessor of 1-2月 is
/// last December) and at P−12 (the same period last year); admin data of the
/// twelve months before P; the revisions of P's figures by earlier reloads of P.
public struct PeriodHistory: Sendable {
    public let period: Period
    public let calendar: ReportingCalendar
    /// Reports by lag: 1, 2, 3 periods back, and 12 for the same period last year. Absent when not stored.
    public let reports: [Int: ColumnTable]
    /// Admin data of the periods before P, by period.
    public let admin: [Period: ColumnTable]
    /// What was asked for: a check reading anything else is a bug its tests catch.
    public let needs: HistoryNeeds
    /// The revisions of this period's figures by earlier reloads, oldest first, as the store
    /// logged them (filled when ``HistoryNeeds/revisions`` is asked for).
    public var revisions: [FigureRevision] = []

    public init(
        period: Period, calendar: ReportingCalendar, reports: [Int: ColumnTable], admin: [Period: ColumnTable], needs: HistoryNeeds = .everything
    ) {
        self.period = period
        self.calendar = calendar
        self.reports = reports
        self.admin = admin
        self.needs = needs
    }

    /// The history with only the admin months at `lags` (as ``period(lag:)`` counts them).
    public func keepingAdmin(lags: [Int]) -> PeriodHistory {
        let kept = Set(lags.map(period(lag:)))
        var history = PeriodHistory(
            period: period, calendar: calendar, reports: reports, admin: admin.filter { kept.contains($0.key) }, needs: needs)
        history.revisions = revisions
        return history
    }

    /// The lags the checks use: three periods back and the same period last year.
    public static let reportLags = [1, 2, 3, 12]

    /// The period a lag refers to.
    public func period(lag: Int) -> Period {
        lag == 12 ? calendar.sameTimeLastYear(period) : calendar.lag(period, lag)
    }

    /// For each of `codes`, its row in the reports `lag` periods back, or -1 when it did not report then.
    /// - Complexity: O(n + m) for n codes and m rows back then.
    public func reportRows(lag: Int, for codes: [CreditCode]) -> [Int32] {
        guard let table = reports[lag] else { return Array(repeating: -1, count: codes.count) }
        return Self.rows(of: codes, in: table)
    }

    /// For each of `codes`, its row in `table`, or -1.
    public static func rows(of codes: [CreditCode], in table: ColumnTable) -> [Int32] {
        table.rowIndex().rows(of: codes)
    }
}

extension Array where Element == Double {
    /// The values at `rows` (row −1 gives NaN: no figure).
    public func gathered(at rows: [Int32]) -> [Double] {
        rows.map { $0 < 0 ? .nan : self[Int($0)] }
    }
}
