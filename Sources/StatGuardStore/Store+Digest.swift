import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// A digest of everything the store holds about the data (periods, register
    /// history, quarantine, findings), leaving out when and by which load it was
    /// written: two loads of the same files give the same digest. The workflow's
    /// tables (key occurrences, the audit and revision logs) are about the work on
    /// the data, grow with every decision and reload, and are left out. Column BLOBs
    /// are digested in their raw form: compressing a store's columns leaves its digest.
    public func contentDigest() throws(StoreError) -> String {
        try read { db in
            var digest = FNV1a()
            try Self.addColumns(
                "SELECT period, kind, name, data, CODEC FROM period_column ORDER BY period, kind, name", table: "period_column",
                to: &digest, db: db)
            try Self.addColumns(
                "SELECT period, 'register', name, data, CODEC FROM register_change_column ORDER BY period, name",
                table: "register_change_column", to: &digest, db: db)
            let queries = [
                "SELECT period, kind, row_count FROM period_table ORDER BY period, kind",
                "SELECT period, changed, removed FROM register_change ORDER BY period",
                "SELECT period, source_file, line, rule_id, reason, cells_json FROM quarantined_row ORDER BY period, rowid",
            ]
            for sql in queries {
                digest.add(Array(sql.utf8))
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() { Self.add(row.databaseValues, to: &digest) }
            }
            try Self.addFindings(to: &digest, db: db)
            // Region names arrived with a later migration (which a store only read has not run): an absent
            // or empty table adds nothing, so migrating a store leaves its digest as it was.
            if try db.tableExists("region_name") && (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM region_name") ?? 0) > 0 {
                let sql = "SELECT period, code, name FROM region_name ORDER BY period, code"
                digest.add(Array(sql.utf8))
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() { Self.add(row.databaseValues, to: &digest) }
            }
            return digest.hex
        }
    }

    /// Adds every period's findings, in order, as the rows the v1/v2 `finding` table's query read (stated
    /// first, as then): where the findings are stored leaves the digest.
    private static func addFindings(to digest: inout FNV1a, db: Database) throws {
        digest.add(Array("""
            SELECT period, scope, credit_code, name, region_code, industry_code, rule_id, category, severity,
                   score, indicator, observed, expected, message_zh, message_en, variant, slots FROM finding ORDER BY period, rowid
            """.utf8))
        let findings = try FindingStorage(db)
        for period in try findings.periods() {
            for finding in try findings.findings(of: period) { add(finding.digestValues(period: period), to: &digest) }
        }
    }

    /// Adds a row's values: a BLOB as its bytes, any other value as its SQL literal.
    private static func add(_ values: some Sequence<DatabaseValue>, to digest: inout FNV1a) {
        for value in values {
            if case .blob(let data) = value.storage { digest.add(Array(data)) } else { digest.add(Array(value.description.utf8)) }
        }
    }

    /// Adds the rows of a column table (period, kind, name, data, codec, base) with each BLOB in its raw form.
    /// `sql` says CODEC where the row's codec and base go (digested as written, so migrating leaves the digest).
    private static func addColumns(_ sql: String, table: String, to digest: inout FNV1a, db: Database) throws {
        digest.add(Array(sql.utf8))
        let rows = try Row.fetchCursor(db, sql: sql.replacingOccurrences(of: "CODEC", with: try StoreSchema.codec(in: table, db: db)))
        while let row = try rows.next() {
            let period: String = row[0], kindName: String = row[1], name: String = row[2]
            let raw = try rawColumn(row, db: db)
            for text in [period, kindName, name] { digest.add(Array(text.utf8)) }
            digest.add(Array(raw))
        }
    }

    /// A stored column row (period, kind, name, data, codec, base) in its raw form (``ColumnBlob``).
    static func rawColumn(_ row: Row, db: Database) throws -> Data {
        let kindName: String = row[1], name: String = row[2], base: String? = row[5]
        let codec = try ColumnCodec.of(row[4])
        guard let kind = FileKind(rawValue: kindName) else { throw ColumnCodecError.malformed("unknown file kind '\(kindName)'") }
        let prefix = try prefix(base: base, kind, name, db: db)
        return try row.withUnsafeData(atIndex: 3) { data in
            try TableColumns.rawBytes(kind: kind, name: name, data: data ?? Data(), codec: codec, prefix: prefix)
        }
    }
}

/// 64-bit FNV-1a: a stable, dependency-free digest (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        value ^= 0xff  // separator, so ["ab","c"] ≠ ["a","bc"]
        value = value &* 0x100_0000_01b3
    }

    var hex: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
