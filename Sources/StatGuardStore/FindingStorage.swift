import Foundation
import GRDB
import StatGuardCore

/// Where a store's findings are read and written, period by period.
///
/// Since v6 a period's findings are columns of `finding_column` (``FindingColumns``): a query
/// decodes the columns it filters on first (credit codes, region codes) and the other columns
/// only for a period with a matching row, keeping them in a ``FindingCache`` when given one. A store
/// written before v6 and only read (readers do not migrate) still holds the rows of the v1/v2
/// `finding` table, read as they are.
struct FindingStorage {
    private let db: Database
    /// Whether the findings are in `finding_column` (else in the v1/v2 `finding` table).
    private let columnar: Bool
    private let cache: FindingCache?

    /// Reads and writes `db`'s findings, keeping decoded periods in `cache` (none: each read decodes anew).
    init(_ db: Database, cache: FindingCache? = nil) throws {
        self.init(db, columnar: try db.tableExists("finding_column"), cache: cache)
    }

    private init(_ db: Database, columnar: Bool, cache: FindingCache?) {
        self.db = db
        self.columnar = columnar
        self.cache = cache
    }

    /// The periods holding findings, oldest first.
    func periods() throws -> [String] {
        try String.fetchAll(db, sql: columnar
            ? "SELECT period FROM finding_column WHERE name = 'credit_code' ORDER BY period"
            : "SELECT DISTINCT period FROM finding ORDER BY period")
    }

    /// The findings of `period` in the order the run produced them; with `creditCode`, only those about that enterprise.
    func findings(of period: String, creditCode: String? = nil) throws -> [StoredFinding] {
        guard columnar else {
            let filter = creditCode == nil ? "" : " AND credit_code = ?"
            return try Row.fetchAll(
                db, sql: "SELECT * FROM finding WHERE period = ?\(filter) ORDER BY rowid",
                arguments: StatementArguments([period] + (creditCode.map { [$0] } ?? []))
            ).map(StoredFinding.init(row:))
        }
        let loadID = try loadID(of: period)
        if let columns = try cached(period, loadID: loadID) { return Self.findings(in: columns, creditCode: creditCode) }
        if let creditCode {
            guard let codes = try column("credit_code", of: period), !FindingColumns.rows(of: creditCode, in: codes).isEmpty else { return [] }
        }
        let stored = try Row.fetchAll(
            db, sql: "SELECT name, data, codec FROM finding_column WHERE period = ?", arguments: [period]
        ).map { row in (row[0] as String, (data: row[1] as Data, codec: try ColumnCodec.of(row[2]))) }
        guard !stored.isEmpty else { return [] }
        let columns = try FindingColumns(decoding: Dictionary(stored, uniquingKeysWith: { a, _ in a }))
        if let loadID { cache?.keep(columns, of: period, loadID: loadID) }
        return Self.findings(in: columns, creditCode: creditCode)
    }

    /// The findings of `columns`, or only those about `creditCode`, in order.
    private static func findings(in columns: FindingColumns, creditCode: String?) -> [StoredFinding] {
        let rows = creditCode.map { FindingColumns.rows(of: $0, in: columns.creditCodes) } ?? Array(0..<columns.count)
        return rows.map { columns[$0] }
    }

    /// The region code of each finding of `period`, in order (empty when it has none).
    func regionCodes(of period: String) throws -> TextColumn {
        guard columnar else {
            return TextColumn(try String.fetchAll(
                db, sql: "SELECT region_code FROM finding WHERE period = ? ORDER BY rowid", arguments: [period]))
        }
        if let columns = try cached(period, loadID: try loadID(of: period)) { return columns.regionCodes }
        return try column("region_code", of: period) ?? TextColumn()
    }

    /// The load holding `period`: the key its decoded columns are cached under.
    private func loadID(of period: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT load_id FROM period_load WHERE period = ?", arguments: [period])
    }

    /// The cached columns of `period` as load `loadID` wrote them, if any.
    private func cached(_ period: String, loadID: Int64?) throws -> FindingColumns? {
        guard let cache, let loadID else { return nil }
        return cache.columns(of: period, loadID: loadID)
    }

    /// The text column `name` of `period`'s findings, or nil when the period has none.
    private func column(_ name: String, of period: String) throws -> TextColumn? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT data, codec FROM finding_column WHERE period = ? AND name = ?", arguments: [period, name])
        else { return nil }
        return try ColumnDecoder.texts(row[0], codec: ColumnCodec.of(row[1]))
    }

    /// Stores `findings` as `period`'s (which holds none).
    static func write(_ findings: [StoredFinding], period: String, db: Database) throws {
        guard !findings.isEmpty else { return }
        let statement = try db.makeStatement(sql: "INSERT INTO finding_column (period, name, data, codec) VALUES (?, ?, ?, ?)")
        for (name, data) in FindingColumns.encode(findings) {
            try statement.execute(arguments: [period, name, data, ColumnCodec.zstd.rawValue])
        }
    }

    /// Moves every period's rows of the v1/v2 `finding` table to `finding_column`, in their
    /// order, and drops the table (the `v6-finding-columns` migration, once `finding_column` exists).
    /// Each period's rows are deleted once moved, so the next period's columns take their pages.
    static func moveRows(db: Database) throws {
        let rows = FindingStorage(db, columnar: false, cache: nil)
        for period in try rows.periods() {
            try write(try rows.findings(of: period), period: period, db: db)
            try db.execute(sql: "DELETE FROM finding WHERE period = ?", arguments: [period])
        }
        try db.execute(sql: "DROP TABLE finding")
    }
}
