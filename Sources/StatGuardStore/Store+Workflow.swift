import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// The alert history around `period`: the whole audit log, the period's occurrences as
    /// last loaded, and those of `previous` (the reporting period before) with its watermark.
    /// Empty for a store that predates the workflow tables and was only opened for reading.
    public func alertHistory(for period: Period, previous: Period?) throws(StoreError) -> AlertHistory {
        try read { db in try Self.alertHistory(for: period, previous: previous, db: db) }
    }

    /// The statuses of `period`'s key occurrences as its load left them, and the last audit
    /// entry that load had seen (nil when the period has no workflow record).
    public func alertStatuses(of period: Period) throws(StoreError) -> (statuses: [AlertStatus], watermark: Int64)? {
        try read { db in
            guard try db.tableExists("alert_period"),
                  let watermark = try Int64.fetchOne(
                      db, sql: "SELECT audit_watermark FROM alert_period WHERE period = ?", arguments: [period.description])
            else { return nil }
            return (try Self.occurrences(period, db: db), watermark)
        }
    }

    /// The audit log, oldest first.
    public func auditLog() throws(StoreError) -> [AuditEntry] {
        try read { db in try Self.auditLog(keys: nil, db: db) }
    }

    /// The audit entries of one subject's keys (an enterprise's credit code, or a region code), oldest first.
    public func auditLog(subject: String) throws(StoreError) -> [AuditEntry] {
        try read { db in try Self.auditLog(keys: nil, subject: subject, db: db) }
    }

    /// The revision log of `period`'s figures, oldest first.
    public func revisions(of period: Period) throws(StoreError) -> [FigureRevision] {
        try read { db in try Self.revisions(of: period, db: db) }
    }

    /// Appends decisions in one immediate transaction: `decide` is handed each key's latest
    /// occurrence and the keys' audit entries as they stand inside the transaction, and
    /// returns the entries to append (or throws, and nothing is written). Errors `decide`
    /// throws come out as they are; the store's own as ``StoreError``.
    /// - Returns: the appended entries with their ids.
    public func appendDecisions(
        for keys: Set<AlertKey>,
        _ decide: ([AlertKey: (status: AlertStatus, watermark: Int64)], [AuditEntry]) throws -> [AuditEntry]
    ) throws -> [AuditEntry] {
        var appended: [AuditEntry] = []
        do {
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let entries = try decide(try Self.latestOccurrences(of: keys, db: db), try Self.auditLog(keys: keys, db: db))
                    appended = try Self.append(entries, db: db)
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw StoreError(path: path, reason: .writeFailed("\(error)"))
        }
        return appended
    }

    // MARK: - Inside a transaction

    static func alertHistory(for period: Period, previous: Period?, db: Database) throws -> AlertHistory {
        guard try db.tableExists("audit_log") else { return AlertHistory() }
        var history = AlertHistory()
        history.entries = try auditLog(keys: nil, db: db)
        history.previousLoad = try occurrences(period, db: db)
        if let previous {
            history.lastPeriod = try occurrences(previous, db: db)
            history.lastPeriodWatermark = try Int64.fetchOne(
                db, sql: "SELECT audit_watermark FROM alert_period WHERE period = ?", arguments: [previous.description]) ?? 0
        }
        for row in try Row.fetchAll(db, sql: "SELECT period, MIN(started_at) AS at FROM load GROUP BY period") {
            if let loaded = Period(row["period"] as String) { history.firstLoaded[loaded] = row["at"] }
        }
        return history
    }

    /// Writes the period's key occurrences (replacing the previous load's), appends the load's
    /// audit entries and revisions, and records the period's watermark.
    static func write(_ update: AlertUpdate, revisions: [FigureRevision], period: Period, db: Database) throws {
        let key = period.description
        try db.execute(sql: "DELETE FROM alert_occurrence WHERE period = ?", arguments: [key])
        let statement = try db.makeStatement(sql: """
            INSERT INTO alert_occurrence (alert_key, period, status, reason, since, carried_from, first_seen, occurrences,
                is_repeat, observed, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for s in update.statuses {
            try statement.execute(arguments: [
                s.key.description, key, s.status.rawValue, s.reason, s.since.description, s.carriedFrom?.description,
                s.firstSeen.description, s.occurrences, s.isRepeat, s.observed, s.score,
            ])
        }
        _ = try append(update.entries, db: db)
        let revision = try db.makeStatement(sql: """
            INSERT INTO revision (period, credit_code, field, old, new, at, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for r in revisions {
            try revision.execute(arguments: [
                r.period.description, r.creditCode.description, r.field, r.old.isNaN ? nil : r.old, r.new.isNaN ? nil : r.new,
                r.at, r.fileSHA256,
            ])
        }
        let watermark = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit_log") ?? 0
        try db.execute(
            sql: "INSERT INTO alert_period (period, audit_watermark) VALUES (?, ?) ON CONFLICT(period) DO UPDATE SET audit_watermark = excluded.audit_watermark",
            arguments: [key, watermark])
    }

    static func append(_ entries: [AuditEntry], db: Database) throws -> [AuditEntry] {
        let statement = try db.makeStatement(sql: """
            INSERT INTO audit_log (alert_key, period, at, by, from_status, to_status, reason, valid_until, verified_value,
                decided_value, automatic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var appended: [AuditEntry] = []
        for var e in entries {
            try statement.execute(arguments: [
                e.key.description, e.period.description, e.at, e.by, e.from.rawValue, e.to.rawValue, e.reason,
                e.validUntil?.description, e.verifiedValue, e.decidedValue, e.isAutomatic,
            ])
            e.id = db.lastInsertedRowID
            appended.append(e)
        }
        return appended
    }

    static func occurrences(_ period: Period, db: Database) throws -> [AlertStatus] {
        guard try db.tableExists("alert_occurrence") else { return [] }
        let rows = try Row.fetchCursor(
            db, sql: "SELECT \(statusColumns("")) FROM alert_occurrence WHERE period = ? ORDER BY alert_key", arguments: [period.description])
        var statuses: [AlertStatus] = []
        while let row = try rows.next() {
            if let status = status(row) { statuses.append(status) }
        }
        return statuses
    }

    /// Each key's most recent occurrence (the latest period it fired in) with that period's watermark.
    static func latestOccurrences(of keys: Set<AlertKey>, db: Database) throws -> [AlertKey: (status: AlertStatus, watermark: Int64)] {
        guard try db.tableExists("alert_occurrence") else { return [:] }
        let statement = try db.makeStatement(sql: """
            SELECT \(statusColumns("o.")), COALESCE(p.audit_watermark, 0) AS watermark FROM alert_occurrence o
            LEFT JOIN alert_period p ON p.period = o.period
            WHERE o.alert_key = ? ORDER BY o.period DESC LIMIT 1
            """)
        var latest: [AlertKey: (status: AlertStatus, watermark: Int64)] = [:]
        for key in keys {
            guard let row = try Row.fetchOne(statement, arguments: [key.description]), let status = status(row) else { continue }
            latest[key] = (status, row["watermark"])
        }
        return latest
    }

    static func auditLog(keys: Set<AlertKey>?, subject: String? = nil, db: Database) throws -> [AuditEntry] {
        guard try db.tableExists("audit_log") else { return [] }
        // A subject's keys are `subject/…`: the range up to `subject0` ('0' follows '/'), found on the key index.
        let rows = try subject.map {
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE alert_key >= ? AND alert_key < ? ORDER BY id", arguments: [$0 + "/", $0 + "0"])
        } ?? Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id")
        return rows.compactMap { row -> AuditEntry? in
            guard let key = AlertKey(row["alert_key"] as String), keys?.contains(key) ?? true,
                  let period = Period(row["period"] as String),
                  let from = TriageStatus(rawValue: row["from_status"]), let to = TriageStatus(rawValue: row["to_status"])
            else { return nil }
            return AuditEntry(
                id: row["id"], key: key, period: period, at: row["at"], by: row["by"], from: from, to: to, reason: row["reason"],
                validUntil: (row["valid_until"] as String?).flatMap(Period.init), verifiedValue: row["verified_value"],
                decidedValue: row["decided_value"], isAutomatic: row["automatic"])
        }
    }

    static func revisions(of period: Period, db: Database) throws -> [FigureRevision] {
        guard try db.tableExists("revision") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT * FROM revision WHERE period = ? ORDER BY id", arguments: [period.description])
            .compactMap { row in
                guard case .success(let code) = CreditCode.parse(row["credit_code"], allowCheckFailure: true) else { return nil }
                return FigureRevision(
                    period: period, creditCode: code, field: row["field"], old: row["old"] ?? .nan, new: row["new"] ?? .nan,
                    at: row["at"], fileSHA256: row["file_sha256"])
            }
    }

    /// The `alert_occurrence` columns ``status(_:)`` reads, in its order, each after `prefix` (a table alias).
    private static func statusColumns(_ prefix: String) -> String {
        ["alert_key", "period", "status", "reason", "since", "carried_from", "first_seen", "occurrences", "is_repeat", "observed", "score"]
            .map { prefix + $0 }.joined(separator: ", ")
    }

    /// An occurrence from a row of ``statusColumns(_:)``, read by position: a national period holds 50,000 of them,
    /// and a lookup by name searches the row's columns each time.
    private static func status(_ row: Row) -> AlertStatus? {
        guard let key = AlertKey(row[0] as String), let period = Period(row[1] as String),
              let status = TriageStatus(rawValue: row[2]), let since = Period(row[4] as String),
              let firstSeen = Period(row[6] as String)
        else { return nil }
        return AlertStatus(
            key: key, period: period, status: status, reason: row[3], since: since,
            carriedFrom: (row[5] as String?).flatMap(Period.init), firstSeen: firstSeen, occurrences: row[7],
            isRepeat: row[8], observed: row[9], score: row[10])
    }
}
