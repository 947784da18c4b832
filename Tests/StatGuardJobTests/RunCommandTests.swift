import Foundation
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing

/// `statguard run` as cron runs it: the built executable, its output and exit codes.
@Suite("statguard run")
struct RunCommandTests {
    @Test("--from/--to loads the reporting periods in order, stepping over January")
    func rangeInOrder() throws {
        let fixture = try JobFixture()
        try fixture.writeRegister()
        let periods = ["2023-12", "2024-02", "2024-03"].map { Period($0)! }
        for period in periods { try fixture.writeReports(period, AreaFixture.reportsText(period: period)) }
        let result = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--from", "2023-12", "--to", "2024-03"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.map { String($0.prefix(8)) } == ["2023-12:", "2024-02:", "2024-03:"])
        #expect(lines.allSatisfy { $0.contains(": 10 rows read, 0 quarantined") })
        #expect(try Store(path: fixture.storePath, writing: false).loadedPeriods() == periods)
        #expect(!FileManager.default.fileExists(atPath: fixture.reportFolder(Period(year: 2024, month: 1))))
        // Loaded in order: each period's load started no earlier than the one before.
        let started = try periods.map { try fixture.runRecord($0).startedAt }
        #expect(started == started.sorted())
    }

    @Test("--from after --to is bad usage (exit 2) and touches nothing")
    func rangeReversed() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        let result = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--from", "2024-03", "--to", "2023-12"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--from 2024-03 comes after --to 2023-12"))
        #expect(!FileManager.default.fileExists(atPath: fixture.storePath))
    }

    @Test("--period with --from is bad usage (exit 2)")
    func periodAndRange() throws {
        let fixture = try JobFixture()
        let result = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--from", "2024-02"])
        #expect(result.exitCode == 2)
    }

    @Test("a bad pipeline file exits 2 with file:line:column and key path")
    func badPipeline() throws {
        let fixture = try JobFixture(extraYAML: "checks:\n  O01:\n    high_ratio: abc\n")
        try fixture.writeStandardData()
        let text = String(decoding: try fixture.folder.read("pipelines/test.yaml"), as: UTF8.self)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("high_ratio: abc") }) + 1
        let result = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("\(fixture.pipelinePath):\(line):17: checks.O01.high_ratio: expected a number"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: fixture.storePath))
    }

    @Test("a missing reports file exits 3 and names the file")
    func missingReports() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        let result = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-05"])
        #expect(result.exitCode == 3)
        #expect(result.standardError.contains("reports_202405.csv"))
        #expect(try Store(path: fixture.storePath, writing: false).loadedPeriods().isEmpty)
    }

    @Test("a store held by another writer exits 4; once released, the run succeeds")
    func storeBusy() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        var holder: Store? = try Store(path: fixture.storePath, writing: true)
        let busy = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03"])
        #expect(busy.exitCode == 4)
        #expect(busy.standardError.contains("in use by another run"))
        #expect(try holder?.loadedPeriods().isEmpty == true)
        withExtendedLifetime(holder) {}
        holder = nil
        let done = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03"])
        #expect(done.exitCode == 0, "\(done.standardError)")
        #expect(try Store(path: fixture.storePath, writing: false).loadedPeriods() == [Period(year: 2024, month: 3)])
    }

    @Test("--data, --store and --out override the pipeline's folders")
    func overrides() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        try FileManager.default.moveItem(atPath: fixture.folder.path("data"), toPath: fixture.folder.path("elsewhere"))
        let store = fixture.folder.path("alt/store.sqlite")
        let out = fixture.folder.path("alt/reports")
        let result = try CommandRunner.run([
            "run", "--pipeline", fixture.pipelinePath, "--period", "2024-03",
            "--data", fixture.folder.path("elsewhere"), "--store", store, "--out", out,
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(FileManager.default.fileExists(atPath: out + "/test/2024-03/summary.csv"))
        #expect(!FileManager.default.fileExists(atPath: fixture.storePath))
    }
}
