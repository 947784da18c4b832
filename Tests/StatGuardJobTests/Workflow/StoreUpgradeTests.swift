import Foundation
import GRDB
import StatGuardCore
@testable import StatGuardStore
import StatGuardTestSupport
import Testing

/// A store written before the workflow (schema v1 and v2, as main wrote it) opens, keeps its data
/// and gains the workflow's tables in place; a store written before column compression (v5) reads
/// the same and compresses the periods it reloads.
@Suite("Store upgrade to the workflow schema")
struct StoreUpgradeTests {
    static let periods = JobFixture.periods

    /// Loads the standard periods, then takes the store back to what main wrote: the workflow
    /// tables and their migration records removed, the column BLOBs raw, the findings rows of
    /// the v1/v2 table (v1 and v2 tables are otherwise written as main wrote them).
    static func mainStore() throws -> JobFixture {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        _ = try fixture.job().run(periods: periods)
        let database = try DatabaseQueue(path: fixture.storePath)
        try uncompressColumns(database)
        try rowFindings(database)
        try database.write { db in
            for table in ["alert_occurrence", "alert_period", "audit_log", "revision", "region_name", "delivery", "app_user"] { try db.execute(sql: "DROP TABLE \(table)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v3-workflow', 'v3-region-names', 'v4-deliveries', 'v5-users')")
        }
        #expect(try database.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
            == ["v1", "v2-finding-slots"])
        return fixture
    }

    /// Takes every column BLOB back to what stores before v5 held: raw little-endian values and
    /// no codec column, with the v5 migration record removed.
    static func uncompressColumns(_ database: DatabaseQueue) throws {
        try database.write { db in
            for (table, kind) in [("period_column", "kind"), ("register_change_column", "'register'")] {
                let base = table == "period_column" ? "base" : "NULL"
                let raw = try Row.fetchAll(db, sql: "SELECT rowid, \(kind), name, data, codec, \(base) FROM \(table)").map { row in
                    (row[0] as Int64, try Store.rawColumn(row, db: db))
                }
                for (rowid, data) in raw { try db.execute(sql: "UPDATE \(table) SET data = ? WHERE rowid = ?", arguments: [data, rowid]) }
                if table == "period_column" {
                    try db.execute(sql: "DROP INDEX period_column_base")
                    try db.execute(sql: "ALTER TABLE period_column DROP COLUMN base")
                }
                try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN codec")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-column-codec'")
        }
    }

    /// Takes the findings back to what stores before v6 held: rows of the v1/v2 `finding` table, in
    /// each period's order, with the v6 migration record removed.
    static func rowFindings(_ database: DatabaseQueue) throws {
        try database.write { db in
            let storage = try FindingStorage(db)
            let periods = try storage.periods().map { period in (period, try storage.findings(of: period)) }
            try db.execute(sql: """
                CREATE TABLE finding (
                    load_id INTEGER NOT NULL REFERENCES load(id),
                    period TEXT NOT NULL, scope TEXT NOT NULL, credit_code TEXT, name TEXT NOT NULL,
                    region_code TEXT NOT NULL, industry_code TEXT NOT NULL, rule_id TEXT NOT NULL,
                    category TEXT NOT NULL, severity TEXT NOT NULL, score REAL NOT NULL,
                    indicator TEXT NOT NULL, observed TEXT NOT NULL, expected TEXT NOT NULL,
                    message_zh TEXT NOT NULL, message_en TEXT NOT NULL);
                CREATE INDEX finding_period ON finding(period);
                CREATE INDEX finding_credit_code ON finding(credit_code);
                ALTER TABLE finding ADD COLUMN variant TEXT NOT NULL DEFAULT 'legacy';
                ALTER TABLE finding ADD COLUMN slots TEXT NOT NULL DEFAULT '[]';
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO finding (load_id, period, scope, credit_code, name, region_code, industry_code, rule_id, category,
                    severity, score, indicator, observed, expected, message_zh, message_en, variant, slots)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (period, findings) in periods {
                for f in findings {
                    try insert.execute(arguments: [
                        f.loadID, period, f.scope, f.creditCode, f.name, f.regionCode, f.industryCode, f.ruleID, f.category,
                        f.severity, f.score, f.indicator, f.observed, f.expected, f.messageZh, f.messageEn, f.variant, f.slots,
                    ])
                }
            }
            try db.execute(sql: "DROP TABLE finding_column")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6-finding-columns'")
        }
    }

    /// The codecs the column rows of `period` are stored with.
    static func codecs(_ path: String, period: Period) throws -> Set<Int64> {
        Set(try DatabaseQueue(path: path).read {
            try Int64.fetchAll($0, sql: "SELECT codec FROM period_column WHERE period = ?", arguments: [period.description])
        })
    }

    static func tables(_ path: String) throws -> Set<String> {
        Set(try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
    }

    @Test("reading an old store works without the workflow tables; every key reads as open")
    func readsOldStore() throws {
        let fixture = try Self.mainStore()
        let march = Self.periods.last!
        let store = try Store(path: fixture.storePath, writing: false)
        #expect(try store.alertStatuses(of: march) == nil)
        #expect(try store.auditLog().isEmpty && store.revisions(of: march).isEmpty)
        let cases = try CommandRunner.run(["cases", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--format", "json"])
        #expect(cases.exitCode == 0, "\(cases.standardError)")
        #expect(cases.standardOutput.contains("\"status\" : \"open\""))
        #expect(!(try Self.tables(fixture.storePath)).contains("audit_log"))
        let report = try CommandRunner.run(["report", "--pipeline", fixture.pipelinePath, "--period", "2024-03"])
        #expect(report.exitCode == 0, "\(report.standardError)")
    }

    @Test("a load or a decision migrates an old store in place, keeping its data")
    func upgradesInPlace() throws {
        let fixture = try Self.mainStore()
        let digest = try fixture.storeDigest()
        func findings() throws -> [[Finding]] {
            let store = try Store(path: fixture.storePath, writing: false)
            return try Self.periods.map { try store.findings(of: $0) }
        }
        let rows = try findings()
        #expect(try Self.tables(fixture.storePath).contains("finding") && rows.last?.isEmpty == false)
        let key = try #require(rows.last?.first { $0.creditCode != nil })
        let triage = try CommandRunner.run([
            "triage", "--pipeline", fixture.pipelinePath, "--key", AlertKey(key).description, "--status", "in_review", "--by", "王芳",
        ])
        // The old store has no occurrence of the key yet: the decision is refused, but the store is upgraded.
        #expect(triage.exitCode == 2 && triage.standardError.contains("no alert"), "\(triage.standardError)")
        #expect(try Self.tables(fixture.storePath).isSuperset(of: ["alert_occurrence", "alert_period", "audit_log", "revision", "finding_column"]))
        #expect(!(try Self.tables(fixture.storePath)).contains("finding"))
        #expect(try findings() == rows)
        #expect(try fixture.storeDigest() == digest)

        // Loading the period again writes its key occurrences; now it can be decided.
        _ = try fixture.job().run(periods: [Self.periods.last!])
        #expect(try fixture.storeDigest() == digest)
        let again = try CommandRunner.run([
            "triage", "--pipeline", fixture.pipelinePath, "--key", AlertKey(key).description, "--status", "in_review", "--by", "王芳",
        ])
        #expect(again.exitCode == 0, "\(again.standardError)")
        #expect(try Store(path: fixture.storePath, writing: false).alertStatuses(of: Self.periods.last!)?.statuses.isEmpty == false)
    }

    @Test("a store written before column compression reads the same; a reload compresses the period, keeping the digest")
    func readsAndCompressesRawColumns() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        _ = try fixture.job().run(periods: Self.periods)
        let march = Self.periods.last!
        func contents() throws -> [String] {
            let store = try Store(path: fixture.storePath, writing: false)
            let history = try store.history(for: march, calendar: ReportingCalendar())
            var lines: [String] = []
            for (lag, table) in history.reports.sorted(by: { $0.key < $1.key }) {
                lines.append("lag \(lag): \(table.count) rows, lines \(table.lines)")
                lines.append("\(table.creditCodes.map(\.description)) \(table.regionCodes.map(\.description))")
                lines.append("\(table.numbers.map { $0.map(\.bitPattern) }) \(table.periods) \(table.texts.map(\.bytes))")
            }
            let register = try #require(try store.register(asOf: march))
            lines.append("register \(register.creditCodes.map(\.description)) \(register.codes) \(register.texts.map(\.ends))")
            return lines
        }
        let compressed = try contents()
        let digest = try fixture.storeDigest()
        #expect(try Self.codecs(fixture.storePath, period: march) == [ColumnCodec.zstd.rawValue, ColumnCodec.zstdPrefix.rawValue])

        try Self.uncompressColumns(try DatabaseQueue(path: fixture.storePath))
        #expect(try contents() == compressed)
        #expect(try fixture.storeDigest() == digest)

        _ = try fixture.job().run(periods: [march])
        #expect(try Self.codecs(fixture.storePath, period: march) == [ColumnCodec.zstd.rawValue])  // no compressed period to base on
        #expect(try Self.codecs(fixture.storePath, period: Self.periods[0]) == [ColumnCodec.raw.rawValue])
        #expect(try contents() == compressed)
        #expect(try fixture.storeDigest() == digest)
    }

    @Test("reloading a period other periods' columns are based on rewrites them to stand alone, keeping every table and the digest")
    func reloadsABasePeriod() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        _ = try fixture.job().run(periods: Self.periods)
        let (first, february, march) = (Self.periods[0], Self.periods[1], Self.periods[2])
        #expect(try Self.codecs(fixture.storePath, period: march).contains(ColumnCodec.zstdPrefix.rawValue))
        let based = try DatabaseQueue(path: fixture.storePath).read {
            try String.fetchAll($0, sql: "SELECT DISTINCT base FROM period_column WHERE period = ? AND base IS NOT NULL", arguments: [march.description])
        }
        #expect(based == [first.description])  // the latest standalone period up to twelve months before
        let digest = try fixture.storeDigest()
        let reports = try #require(try Store(path: fixture.storePath, writing: false).table(.reports, period: march))

        _ = try fixture.job().run(periods: [first])
        #expect(try Self.codecs(fixture.storePath, period: march) == [ColumnCodec.zstd.rawValue])
        #expect(try Self.codecs(fixture.storePath, period: february) == [ColumnCodec.zstd.rawValue])
        _ = try fixture.job().run(periods: [february])
        #expect(try Self.codecs(fixture.storePath, period: february).contains(ColumnCodec.zstdPrefix.rawValue))
        let again = try #require(try Store(path: fixture.storePath, writing: false).table(.reports, period: march))
        #expect(again.creditCodes == reports.creditCodes && again.texts == reports.texts && again.lines == reports.lines)
        #expect(again.numbers.map { $0.map(\.bitPattern) } == reports.numbers.map { $0.map(\.bitPattern) })
        #expect(try fixture.storeDigest() == digest)
    }
}
