import Foundation
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A multi-period run killed with SIGKILL at many points: the store stays usable,
/// every period folder holds either its old complete set of reports or its new
/// one, and a rerun leaves no temporary file and gives the bytes of a clean run.
@Suite("A range run killed at many points")
struct CrashSafetyTests {
    static let periods = ["2024-02", "2024-03", "2024-04"].map { Period($0)! }
    static let enterprises = 4_000

    /// Reports for `periods` whose figures are multiplied by `scale`, and the register.
    static func writeFiles(_ fixture: JobFixture, scale: Int) throws {
        let classes = ["2521", "3110", "0610", "2710", "1713", "3091", "4411"]
        var register = AreaFixture.registerText()
        for i in 0..<enterprises {
            let region = "51040\(2 + i % 2)\(String(100 + i % 37))001"
            register += "\(TestCodes.valid(10_000 + i)),企业\(i),\(region),\(classes[i % classes.count]),1,1,2020-01,,\n"
        }
        try fixture.writeRegister(register)
        for (p, period) in periods.enumerated() {
            var text = ContractCSV.reports.header.joined(separator: ",") + "\n"
            for i in 0..<enterprises {
                let month = 1_000 + i * scale + p
                let ytd = month * (p + 1)
                let cells: [String] = [
                    TestCodes.valid(10_000 + i), "企业\(i)", "51040\(2 + i % 2)\(String(100 + i % 37))001", classes[i % classes.count],
                    period.description, "\(month)", "\(ytd)", "", "", "\(month * 97 / 100)", "\(ytd * 97 / 100)", "0", "\(ytd)",
                    "\(ytd / 20)", "\(month / 40)", "\(month / 10)", "\(20 + i % 500)", "", "",
                ]
                text += cells.joined(separator: ",") + "\n"
            }
            try fixture.writeReports(period, text)
        }
    }

    static func run(_ fixture: JobFixture) throws -> CommandResult {
        try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--from", "2024-02", "--to", "2024-04", "--quiet"])
    }

    /// Each period's report files but run.json (which records the run's own times), by name, with the
    /// fixture's folder written as `<fixture>` (quality.md names missing inputs by path); run.json must decode.
    /// What a load states about the loads before it (summary.md's data version: what it revised against the
    /// previous load; quality.md's verification: every decision so far) depends on which periods a killed run
    /// had committed before the restore, and is left out.
    static func snapshot(_ fixture: JobFixture) throws -> [Period: [String: [UInt8]]] {
        var snapshot: [Period: [String: [UInt8]]] = [:]
        for period in periods {
            var files = fixture.reportBytes(period).mapValues {
                Array(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: fixture.folder.path, with: "<fixture>").utf8)
            }
            for name in ["summary.md", "quality.md"] { files[name] = files[name].map(withoutLoadHistory) }
            if let record = files.removeValue(forKey: "run.json") {
                #expect((try? JSONDecoder().decode(LoadRecord.self, from: Data(record))) != nil, "\(period): run.json does not decode")
            }
            snapshot[period] = files
        }
        return snapshot
    }

    /// The report without summary.md's data-version line and quality.md's verification section.
    static func withoutLoadHistory(_ bytes: [UInt8]) -> [UInt8] {
        var kept: [Substring] = []
        var skipping = false
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { skipping = line.hasPrefix("## 核实情况") }
            if !skipping && !line.hasPrefix("数据版本") { kept.append(line) }
        }
        return Array(kept.joined(separator: "\n").utf8)
    }

    /// Visible (non-hidden) entries of each period folder beside the report files.
    static func strayFiles(_ fixture: JobFixture) -> [String] {
        periods.flatMap { period in
            ((try? FileManager.default.contentsOfDirectory(atPath: fixture.reportFolder(period))) ?? [])
                .filter { !JobFixture.reportNames.contains($0) }.map { "\(period)/\($0)" }
        }
    }

    /// The pipeline's extra settings: C08 counts every revision the store has logged, and the
    /// restores between kills add to them, so it is off here, where reports must repeat.
    static let settings = "checks:\n  C08: {enabled: false}\n"

    @Test("SIGKILL anywhere in a range run: old or new complete report sets, usable store, clean rerun", .timeLimit(.minutes(5)))
    func killAtManyPoints() throws {
        // Every load of the old files below follows a load of the new ones (and the other way round),
        // so the reports, which state what a reload revised and what it corrected, repeat.
        let fixture = try JobFixture(extraYAML: Self.settings)
        try Self.writeFiles(fixture, scale: 2)
        #expect(try Self.run(fixture).exitCode == 0)
        try Self.writeFiles(fixture, scale: 1)
        #expect(try Self.run(fixture).exitCode == 0)
        let old = try Self.snapshot(fixture)

        // A clean run of the new files in a twin folder: what every interrupted run must end as.
        let twin = try JobFixture(extraYAML: Self.settings)
        try Self.writeFiles(twin, scale: 1)
        #expect(try Self.run(twin).exitCode == 0)
        try Self.writeFiles(twin, scale: 2)
        try Self.writeFiles(fixture, scale: 2)
        let started = Date()
        #expect(try Self.run(twin).exitCode == 0)
        let duration = Date().timeIntervalSince(started)
        let new = try Self.snapshot(twin)
        let newDigest = try twin.storeDigest()
        #expect(old != new)

        var kills = 0
        var seen: [[Period: Bool]] = []  // per kill, per period: true when the folder holds the new set
        for step in 1...9 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try CommandRunner.executable())
            process.arguments = ["run", "--pipeline", fixture.pipelinePath, "--from", "2024-02", "--to", "2024-04", "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(duration * Double(step) / 10 * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()

            let now = try Self.snapshot(fixture)
            var state: [Period: Bool] = [:]
            for period in Self.periods {
                let isOld = now[period] == old[period], isNew = now[period] == new[period]
                let differing = now[period]!.keys.filter { now[period]![$0] != new[period]![$0] && now[period]![$0] != old[period]![$0] }.sorted()
                #expect(isOld || isNew, "step \(step): \(period) holds neither the old nor the new reports: \(differing)")
                state[period] = isNew
            }
            seen.append(state)
            #expect(Self.strayFiles(fixture).isEmpty, "step \(step): \(Self.strayFiles(fixture))")
            let store = try Store(path: fixture.storePath, writing: false)
            #expect(try store.loadedPeriods() == Self.periods, "step \(step)")
            // Put the old files' state back for the next kill, so each one interrupts a run that changes something.
            try Self.writeFiles(fixture, scale: 1)
            #expect(try Self.run(fixture).exitCode == 0)
            #expect(try Self.snapshot(fixture) == old)
            try Self.writeFiles(fixture, scale: 2)
        }
        #expect(kills >= 5, "only \(kills) runs were still going when killed")
        // Some kill landed after a period was published and before the range ended.
        #expect(seen.contains { $0.values.contains(true) && $0.values.contains(false) }, "\(seen)")

        let rerun = try Self.run(fixture)
        #expect(rerun.exitCode == 0, "\(rerun.standardError)")
        #expect(try Self.snapshot(fixture) == new)
        #expect(try fixture.storeDigest() == newDigest)
        #expect(ReportFolderSafetyTests.temporaries(under: fixture.folder.path("out/reports")).isEmpty)
    }
}
