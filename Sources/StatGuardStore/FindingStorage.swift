import Foundation
import GRDB
import StatGuardCore

/// Where a store's findings are read and written, period by period.
///
/// Since v6 a period's findings are columns of `finding_column` (``FindingColumns``): a query
/// decodes the columns it filters on first (credit codes, region codes) and the other columns
/// only for a period with a matching row. A store written before v6 and only read (readers do
/// not migrate) still holds the rows of the v1/v2 `finding` table, read as they are.
struct FindingStorage {
    private let db: Database
    /// Whether the findings are in `finding_column` (else in the v1/v2 `finding` table).
    private let columnar: Bool

    init(_ db: Database) throws {
        self.init(db, columnar: try db.tableExists("finding_column"))
    }

    private init(_ db: Database, columnar: Bool) {
        self.db = db
        self.columnar = columnar
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
        var rows: [Int]?
        if let creditCode {
            guard let codes = try column("credit_code", of: period) else { return [] }
            rows = FindingColumns.rows(of: creditCode, in: codes)
            if rows?.isEmpty == true { return [] }
        }
        let columns = try Row.fetchAll(
            db, sql: "SELECT name, data, codec FROM finding_column WHERE period = ?", arguments: [period]
        ).map { row in (row[0] as String, (data: row[1] as Data, codec: try ColumnCodec.of(row[2]))) }
        guard !columns.isEmpty else { return [] }
        return try FindingColumns.decode(Dictionary(columns, uniquingKeysWith: { a, _ in a }), rows: rows)
    }

    /// The region code of each finding of `period`, in order (empty when it has none).
    func regionCodes(of period: String) throws -> TextColumn {
        guard columnar else {
            return TextColumn(try String.fetchAll(
                db, sql: "SELECT region_code FROM finding WHERE period = ? ORDER BY rowid", arguments: [period]))
        }
        return try column("region_code", of: period) ?? TextColumn()
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
    static func moveRows(db: Database) throws {
        let rows = FindingStorage(db, columnar: false)
        for period in try rows.periods() {
            try write(try rows.findings(of: period), period: period, db: db)
        }
        try db.execute(sql: "DROP TABLE finding")
    }
}
