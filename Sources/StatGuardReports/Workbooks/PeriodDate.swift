import Foundation
import StatGuardCore

/// Fixed dates for generated documents, so the same period gives the same bytes.
enum PeriodDate {
    /// Midnight UTC on the first day of `period`.
    static func firstDay(_ period: Period) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: period.year, month: period.month, day: 1)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
    }
}
