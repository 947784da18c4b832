import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// The history the checks of `period` need (see ``PeriodHistory``).
    ///
    /// - Parameter needs: the report fields per lag and the admin fields to fetch (the credit
    ///   code always comes); lags and months nobody needs are not read at all.
    public func history(for period: Period, calendar: ReportingCalendar, needs: HistoryNeeds = .everything) throws(StoreError) -> PeriodHistory {
        try read { db in
            var reports: [Int: ColumnTable] = [:]
            let bases = BaseBodies()
            let placeholder = PeriodHistory(period: period, calendar: calendar, reports: [:], admin: [:])
            for lag in PeriodHistory.reportLags where needs.isEverything || needs.reports[lag] != nil {
                let fields = needs.isEverything ? nil : needs.reports[lag]
                if let table = try Self.table(.reports, period: placeholder.period(lag: lag), fields: fields, db: db, bases: bases) {
                    reports[lag] = table
                }
            }
            var admin: [Period: ColumnTable] = [:]
            if needs.isEverything || !needs.admin.isEmpty {
                for months in 1...12 {
                    let earlier = period.adding(months: -months)
                    if let table = try Self.table(
                        .admin, period: earlier, fields: needs.isEverything ? nil : needs.admin, db: db, bases: bases) {
                        admin[earlier] = table
                    }
                }
            }
            var history = PeriodHistory(period: period, calendar: calendar, reports: reports, admin: admin, needs: needs)
            if needs.revisions || needs.isEverything { history.revisions = try Self.revisions(of: period, db: db) }
            return history
        }
    }

    /// A stored table of one period (nil when the period or file was not loaded).
    public func table(_ kind: FileKind, period: Period, fields: Set<String>? = nil) throws(StoreError) -> ColumnTable? {
        try read { db in try Self.table(kind, period: period, fields: fields, db: db) }
    }

    /// - Parameter bases: base columns already decompressed by the same read (see ``BaseBodies``).
    static func table(
        _ kind: FileKind, period: Period, fields: Set<String>?, db: Database, bases: BaseBodies = BaseBodies()
    ) throws -> ColumnTable? {
        let key = period.description
        guard let count = try Int.fetchOne(
            db, sql: "SELECT row_count FROM period_table WHERE period = ? AND kind = ?", arguments: [key, kind.rawValue])
        else { return nil }
        var decoder = TableDecoder(kind: kind, count: count)
        var sql = "SELECT name, data, \(try StoreSchema.codec(in: "period_column", db: db)) FROM period_column WHERE period = ? AND kind = ?"
        var arguments: StatementArguments = [key, kind.rawValue]
        if let fields {
            let wanted = TableColumns.storedNames(kind: kind, fields: fields).sorted()
            sql += " AND name IN (" + wanted.map { _ in "?" }.joined(separator: ",") + ")"
            arguments += StatementArguments(wanted)
        }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let name: String = row[0]
            let codec = try ColumnCodec.of(row[2])
            let base: String? = row[3]
            let prefix = try prefix(base: base, kind, name, db: db, cache: bases)
            try row.withUnsafeData(atIndex: 1) { data in try decoder.add(name, data ?? Data(), codec: codec, prefix: prefix) }
        }
        return decoder.table()
    }
}
