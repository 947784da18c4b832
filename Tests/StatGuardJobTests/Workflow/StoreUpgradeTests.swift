import Foundation
import GRDB
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A store written before the workflow (schema v1 and v2, as main wrote it) opens, keeps its data
/// and gains the workflow's tables in place.
@Suite("Store upgrade to the workflow schema")
struct StoreUpgradeTests {
    static let periods = JobFixture.periods

    /// Loads the standard periods, then takes the store back to what main wrote: the workflow
    /// tables and their migration record removed (v1 and v2 tables are written as main wrote them).
    static func mainStore() throws -> JobFixture {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        _ = try fixture.job().run(periods: periods)
        let database = try DatabaseQueue(path: fixture.storePath)
        try database.write { db in
            for table in ["alert_occurrence", "alert_period", "audit_log", "revision", "region_name", "delivery", "app_user"] { try db.execute(sql: "DROP TABLE \(table)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v3-workflow', 'v3-region-names', 'v4-deliveries', 'v5-users')")
        }
        #expect(try database.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
            == ["v1", "v2-finding-slots"])
        return fixture
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
        let key = try #require(try Store(path: fixture.storePath, writing: false).findings(of: Self.periods.last!).first { $0.creditCode != nil })
        let triage = try CommandRunner.run([
            "triage", "--pipeline", fixture.pipelinePath, "--key", AlertKey(key).description, "--status", "in_review", "--by", "王芳",
        ])
        // The old store has no occurrence of the key yet: the decision is refused, but the store is upgraded.
        #expect(triage.exitCode == 2 && triage.standardError.contains("no alert"), "\(triage.standardError)")
        #expect(try Self.tables(fixture.storePath).isSuperset(of: ["alert_occurrence", "alert_period", "audit_log", "revision"]))
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
}
