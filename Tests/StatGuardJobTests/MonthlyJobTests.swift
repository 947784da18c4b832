import Foundation
import StatGuardCore
import StatGuardJob
import StatGuardStore
import StatGuardTestSupport
import Testing

/// The monthly job end to end, in process: inputs in, store and report folder out.
@Suite("Monthly job")
struct MonthlyJobTests {
    static let march = Period(year: 2024, month: 3)

    @Test("a load writes the report files of its period: CSV, Markdown, Excel and run.json")
    func writesReports() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        let outcomes = try fixture.job().run(periods: [Self.march])
        #expect(outcomes.map(\.period) == [Self.march])
        #expect(outcomes.first?.folder == fixture.reportFolder(Self.march))
        let files = fixture.reportBytes(Self.march)
        #expect(files.keys.sorted() == JobFixture.reportNames.sorted())
        for (name, bytes) in files { #expect(!bytes.isEmpty, "\(name) is empty") }
        for name in ["alerts.csv", "quarantine.csv", "summary.csv"] {
            #expect(files[name]?.starts(with: [0xEF, 0xBB, 0xBF]) == true, "\(name) has no byte-order mark")
        }
        let run = try fixture.runRecord(Self.march)
        #expect(run.pipeline == "test")
        #expect(run.period == "2024-03")
        #expect(run.status == "done")
        #expect(run.stages.map(\.stage) == ["ingest", "history", "checks", "rules", "summaries", "reports", "store"])
        // The stored record is the one in run.json (so `statguard report` can rebuild it).
        #expect(try Store(path: fixture.storePath, writing: false).loadRecord(of: Self.march) == run)
    }

    @Test("run.json: rows read = loaded + quarantined for every file; the bad row is in quarantine.csv")
    func rowCounts() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        let outcome = try #require(try fixture.job().run(periods: [Self.march]).first)
        let run = try fixture.runRecord(Self.march)
        #expect(Set(run.files.map(\.kind)) == ["reports", "register"])
        for file in run.files {
            #expect(file.rowsRead == file.rowsLoaded + file.rowsQuarantined, "\(file.kind)")
            #expect(file.sha256.count == 64)
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
            #expect(file.size == size)
        }
        let reports = try #require(run.files.first { $0.kind == "reports" })
        #expect((reports.rowsRead, reports.rowsLoaded, reports.rowsQuarantined) == (6, 5, 1))
        let register = try #require(run.files.first { $0.kind == "register" })
        #expect((register.rowsRead, register.rowsLoaded, register.rowsQuarantined) == (5, 5, 0))
        #expect(outcome.rowsRead == 11)
        #expect(outcome.rowsQuarantined == 1)
        #expect(run.findingCounts["S04"] == 1)

        let quarantine = csvRecords(try fixture.reportText(Self.march, "quarantine.csv"))
        #expect(quarantine.count == 2)
        #expect(Array(quarantine[0].prefix(4)) == ["source_file", "line", "rule_id", "reason"])
        #expect(quarantine[1][1] == "7")
        #expect(quarantine[1][2] == "S04")
        #expect(quarantine[1].contains("51040200100"))
    }

    @Test("a missing optional file is recorded as skipped, and quality.md names the checks skipped for it")
    func missingAdminSkipsItsChecks() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        let outcome = try #require(try fixture.job().run(periods: [Self.march]).first)
        #expect(outcome.skipped.contains("admin"))
        let run = try fixture.runRecord(Self.march)
        let admin = try #require(run.skippedInputs.first { $0.kind == "admin" })
        #expect(admin.reason.contains("admin_202403.csv"))
        #expect(admin.reason.contains("not found"))
        let quality = try fixture.reportText(Self.march, "quality.md")
        #expect(quality.contains("**admin not used**"))
        for rule in ["U02", "U04", "O03", "O08", "O09"] {
            let tally = try #require(run.checks.first { $0.ruleID.rawValue == rule })
            #expect(tally.skipped?.contains("admin") == true, "\(rule)")
            let line = quality.split(separator: "\n").first { $0.hasPrefix("| \(rule) |") }
            #expect(line?.contains("skipped: needs the admin file") == true, "\(rule): \(line ?? "no line")")
        }
        // Checks that do not need admin data ran.
        for rule in ["C01", "U01", "O01"] {
            #expect(run.checks.first { $0.ruleID.rawValue == rule }?.skipped == nil, "\(rule)")
            let line = quality.split(separator: "\n").first { $0.hasPrefix("| \(rule) |") }
            #expect(line?.contains("skipped") == false, "\(rule)")
        }
    }

    @Test("with the admin file present its checks run")
    func adminPresent() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        try fixture.writeAdmin(Self.march)
        _ = try fixture.job().run(periods: [Self.march])
        let run = try fixture.runRecord(Self.march)
        #expect(!run.skippedInputs.contains { $0.kind == "admin" })
        #expect(run.files.contains { $0.kind == "admin" && $0.rowsLoaded == 5 })
        for rule in ["U02", "U04", "O03"] {
            #expect(run.checks.first { $0.ruleID.rawValue == rule }?.skipped == nil, "\(rule)")
        }
        #expect(!(try fixture.reportText(Self.march, "quality.md")).contains("admin not used"))
    }

    @Test("a missing required file stops the job with missingInput and loads nothing", arguments: ["reports", "register"])
    func missingRequiredFile(kind: String) throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        let missing = kind == "reports" ? "data/reports/reports_202403.csv" : "data/register/register.csv"
        try FileManager.default.removeItem(atPath: fixture.folder.path(missing))
        let job = try fixture.job()
        do {
            _ = try job.run(periods: [Self.march])
            Issue.record("the job ran without its \(kind) file")
        } catch {
            guard case .missingInput(let missingKind, let path) = error else {
                Issue.record("expected missingInput, got \(error)")
                return
            }
            #expect(missingKind == kind)
            #expect(path.hasSuffix(missing))
        }
        #expect(try Store(path: fixture.storePath, writing: false).loadedPeriods().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.reportFolder(Self.march)))
    }

    @Test("a missing file in a range stops at that period; earlier periods stay loaded")
    func missingFileInRange() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        let job = try fixture.job()
        do {
            _ = try job.run(periods: JobFixture.periods + [Period(year: 2024, month: 4)])
            Issue.record("the job loaded a period without its reports file")
        } catch {
            guard case .missingInput("reports", _) = error else {
                Issue.record("expected missingInput, got \(error)")
                return
            }
        }
        #expect(try Store(path: fixture.storePath, writing: false).loadedPeriods() == JobFixture.periods)
    }
}
