import Foundation
import GRDB
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A period's report folder changes only with the store, and as a whole.
@Suite("Report folder safety")
struct ReportFolderSafetyTests {
    static let march = Period(year: 2024, month: 3)
    let march = Self.march

    /// Loads the standard data, then returns March's report bytes.
    static func loaded(_ fixture: JobFixture) throws -> [String: [UInt8]] {
        try fixture.writeStandardData()
        for period in JobFixture.periods {
            let run = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", period.description, "--quiet"])
            #expect(run.exitCode == 0, "\(run.standardError)")
        }
        return fixture.reportBytes(Self.march)
    }

    /// Names in `folder` and below that are temporary files or staging folders of any writer.
    static func temporaries(under folder: String) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return names.filter { $0.contains(AtomicFile.temporaryMarker) || $0.contains(".nosync") }
    }

    @Test("regression: reports change when the store write fails — the folder keeps every old byte")
    func reportsUnchangedWhenStoreWriteFails() throws {
        let fixture = try JobFixture()
        let before = try Self.loaded(fixture)
        let digest = try fixture.storeDigest()
        // The store now refuses the load's write from inside SQLite, mid-transaction.
        let queue = try DatabaseQueue(path: fixture.storePath)
        try queue.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse_loads BEFORE INSERT ON period_load BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        }
        try queue.close()
        // Different March figures, so new reports would differ from the old ones.
        try fixture.writeReports(march, AreaFixture.reportsText(period: march, scale: 3))
        let failed = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--quiet"])
        #expect(failed.exitCode == 4, "\(failed.standardError)")
        #expect(failed.standardError.contains("the store is unchanged"))
        #expect(fixture.reportBytes(march) == before, "the report folder changed although the store write failed")
        #expect(try fixture.storeDigest() == digest)
        #expect(Self.temporaries(under: fixture.folder.path("out/reports")).isEmpty)
    }

    @Test("regression: an unwritable --out is found before the store is committed, exit 5 not 1")
    func unwritableReportFolderStopsBeforeTheStore() throws {
        let fixture = try JobFixture()
        _ = try Self.loaded(fixture)
        let digest = try fixture.storeDigest()
        // A path under a regular file cannot be created, whoever runs the test (root included).
        let blocker = try fixture.folder.write("blocker", text: "not a folder\n")
        try fixture.writeReports(march, AreaFixture.reportsText(period: march, scale: 3))
        let result = try CommandRunner.run([
            "run", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--out", "\(blocker)/reports", "--quiet",
        ])
        #expect(result.exitCode == 5, "\(result.standardError)")
        #expect(result.standardError.contains("cannot write the report"))
        #expect(try fixture.storeDigest() == digest, "the store was committed although its reports could not be written")
    }

    @Test("regression: kill -9 leaves temp files — stale temporaries of dead processes are gone after the rerun")
    func staleTemporariesAreRemoved() throws {
        let fixture = try JobFixture()
        let before = try Self.loaded(fixture)
        // What a killed run leaves: a staging folder and temporary files of a process id that cannot exist
        // (above Linux's largest pid_max), and Foundation's temporary file of an older version.
        let reports = fixture.folder.path("out/reports/test")
        let dead = "4194305"
        try FileManager.default.createDirectory(
            atPath: "\(reports)/.2024-03\(AtomicFile.temporaryMarker)\(dead)/", withIntermediateDirectories: true)
        _ = try fixture.folder.write("out/reports/test/.2024-03\(AtomicFile.temporaryMarker)\(dead)/alerts.csv", text: "half")
        _ = try fixture.folder.write("out/reports/test/2024-03/.alerts.csv\(AtomicFile.temporaryMarker)\(dead)", text: "half")
        _ = try fixture.folder.write("out/reports/test/2024-03/.dat.nosync3c1a.Zx8Q2b", text: "half")
        #expect(Self.temporaries(under: reports).count == 4)
        let rerun = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--quiet"])
        #expect(rerun.exitCode == 0, "\(rerun.standardError)")
        #expect(Self.temporaries(under: reports).isEmpty, "\(Self.temporaries(under: reports))")
        var after = fixture.reportBytes(march)
        var old = before
        after["run.json"] = nil
        old["run.json"] = nil
        #expect(after == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.reportFolder(march)).sorted() == JobFixture.reportNames.sorted())
    }

    @Test("regression: a range that fails later says which periods it loaded")
    func rangeRunSaysWhichPeriodsLoaded() throws {
        let fixture = try JobFixture()
        try fixture.writeRegister()
        try fixture.writeReports(Period(year: 2024, month: 2), AreaFixture.reportsText(period: Period(year: 2024, month: 2)))
        let result = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--from", "2024-02", "--to", "2024-03"])
        #expect(result.exitCode == 3)
        #expect(result.standardOutput.hasPrefix("2024-02: 10 rows read"), "\(result.standardOutput)")
        #expect(result.standardError.contains("2024-03 failed, 2024-02…2024-02 (1 of 2) stay loaded"), "\(result.standardError)")
        #expect(try Store(path: fixture.storePath, writing: false).loadedPeriods() == [Period(year: 2024, month: 2)])
    }

    @Test("regression: report for a period not in the store exits 2, not 3 (kept for unusable input files)")
    func reportOfAnUnloadedPeriodIsUsage() throws {
        let fixture = try JobFixture()
        _ = try Self.loaded(fixture)
        let result = try CommandRunner.run(["report", "--pipeline", fixture.pipelinePath, "--period", "2022-05"])
        #expect(result.exitCode == 2, "\(result.standardError)")
        #expect(result.standardError.contains("2022-05 is not loaded"))
    }
}
