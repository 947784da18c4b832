import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// Replaces everything stored for the load's period, in one transaction.
    ///
    /// The period's data, register changes, quarantined rows and findings are
    /// deleted and written anew; the load itself is appended to the load log.
    /// Loading the same files twice leaves the same content (see ``contentDigest()``).
    /// Returns the new load's id.
    ///
    /// The transaction is immediate: a statistician's decision either commits before the
    /// load reads the audit log or waits until the load has committed.
    ///
    /// - Parameters:
    ///   - completing: called inside the transaction once the period's data and findings are
    ///     written, with the load's record and the seconds that took; returns the record to
    ///     store in its place. The job waits there for its reports, so the record it stores (and writes as
    ///     run.json) is complete and written once; a throw rolls the whole load back.
    ///   - carryOver: called first inside the transaction with the alert history around the
    ///     period (``alertHistory(for:previous:)``); returns the period's key occurrences and the
    ///     load's own audit entries, written with the period (and the load's revisions).
    @discardableResult
    public func replace(
        _ load: PeriodLoad, completing: (LoadRecord, Double) throws -> LoadRecord = { record, _ in record },
        carryOver: (AlertHistory) throws -> AlertUpdate = { _ in AlertUpdate() }
    ) throws(StoreError) -> Int64 {
        let started = DispatchTime.now()
        do {
            return try immediateWrite { db in
                let update = try carryOver(try Self.alertHistory(for: load.period, previous: load.previousPeriod, db: db))
                let period = load.period.description
                // The register of the next loaded period, as it was loaded: its stored change is relative to
                // this period's register, which is about to be replaced (a reload or a backfill).
                let next = try Self.nextRegisterPeriod(after: load.period, db: db)
                let nextRegister = try next.flatMap { try Self.register(asOf: $0, before: false, db: db) }
                try Self.detachDependents(of: period, db: db)
                for table in ["period_column", "period_table", "register_change", "register_change_column", "quarantined_row", "finding_column", "region_name"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE period = ?", arguments: [period])
                }
                for (kind, table) in load.tables.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try insertTable(table, kind: kind, period: load.period, db: db)
                }
                try insertRegisterChange(load.register, period: load.period, db: db)
                if let next, let nextRegister { try replaceRegisterChange(nextRegister, period: next, db: db) }
                try insertQuarantine(load.quarantine, period: period, db: db)
                let names = try db.makeStatement(sql: "INSERT INTO region_name (period, code, name) VALUES (?, ?, ?)")
                for code in load.regions.names.keys.sorted() { try names.execute(arguments: [period, code, load.regions.names[code]!]) }
                // The load's row first, with the record as it came, so the findings and the audit entries
                // are written before waiting on `completing`; the completed record replaces it after.
                let loadID = try insertLoadRecord(load.record, db: db)
                try db.execute(
                    sql: "INSERT INTO period_load (period, load_id) VALUES (?, ?) ON CONFLICT(period) DO UPDATE SET load_id = excluded.load_id",
                    arguments: [period, loadID])
                try insertFindings(load.findings, period: load.period, loadID: loadID, db: db)
                try Self.write(update, revisions: load.revisions, period: load.period, db: db)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                try db.execute(
                    sql: "UPDATE load SET record_json = ? WHERE id = ?",
                    arguments: [try Self.recordJSON(try completing(load.record, seconds)), loadID])
                return loadID
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, reason: .writeFailed("\(error)"))
        }
    }

    /// `body` in one immediate transaction: the write lock is taken before the first read.
    private func immediateWrite<T>(_ body: (Database) throws -> T) throws -> T {
        var result: T?
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
        }
        return result!
    }

    private static func recordJSON(_ record: LoadRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    private func insertLoadRecord(_ record: LoadRecord, db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO load (pipeline, period, tool_version, started_at, record_json) VALUES (?, ?, ?, ?, ?)",
            arguments: [record.pipeline, record.period, record.toolVersion, record.startedAt, try Self.recordJSON(record)])
        let loadID = db.lastInsertedRowID
        for file in record.files {
            try db.execute(
                sql: """
                    INSERT INTO load_file (load_id, kind, path, size, sha256, encoding, rows_read, rows_loaded, rows_quarantined)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [loadID, file.kind, file.path, file.size, file.sha256, file.encoding, file.rowsRead, file.rowsLoaded, file.rowsQuarantined])
        }
        return loadID
    }

    /// Inserts `table`'s columns, each against the base period's same column where it may be (see ``basePeriod(for:period:db:)``).
    private func insertTable(_ table: ColumnTable, kind: FileKind, period: Period, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO period_table (period, kind, row_count) VALUES (?, ?, ?)",
            arguments: [period.description, kind.rawValue, table.count])
        let base = try Self.basePeriod(for: kind, period: period, db: db)
        let statement = try db.makeStatement(
            sql: "INSERT INTO period_column (period, kind, name, data, codec, base) VALUES (?, ?, ?, ?, ?, ?)")
        for (name, column, referable) in TableColumns.encodeColumns(table) {
            let body = try base.flatMap { referable ? try Self.baseBody(kind, name, base: $0, db: db) : nil }
            let (stored, codec) = Self.stored(column, against: body)
            try statement.execute(arguments: [period.description, kind.rawValue, name, stored, codec.rawValue, body == nil ? nil : base])
        }
    }

    private func insertQuarantine(_ rows: [QuarantinedRow], period: String, db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO quarantined_row (period, source_file, line, rule_id, reason, cells_json) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            let cells = String(decoding: try JSONEncoder().encode(row.cells), as: UTF8.self)
            try statement.execute(arguments: [period, row.sourceFile, row.line, row.rule.rawValue, row.reason, cells])
        }
    }

    /// Stores the load's findings as its period's columns; a finding of another period is refused, as the
    /// period is where the columns keep it.
    private func insertFindings(_ findings: [Finding], period: Period, loadID: Int64, db: Database) throws {
        if let other = findings.first(where: { $0.period != period }) {
            throw StoreError(path: path, reason: .writeFailed("a finding of \(other.period) in the load of \(period)"))
        }
        try FindingStorage.write(findings.map { StoredFinding($0, loadID: loadID) }, period: period.description, db: db)
    }
}
