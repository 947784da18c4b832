import Foundation
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A run killed with SIGKILL while it loads leaves the store as it was, or with
/// the period loaded whole, never in between; the next run succeeds.
@Suite("A run killed mid-load")
struct KillMidLoadTests {
    /// Enterprises in the big March file: enough for the load to take a while even in a release build.
    static let rows = 20_000
    static let february = Period(year: 2024, month: 2)
    static let march = Period(year: 2024, month: 3)

    /// When to kill the run.
    enum Trigger: CustomStringConvertible {
        /// After a fixed delay from the start.
        case after(milliseconds: UInt32)
        /// As soon as the store's write-ahead log receives the load's first pages, plus a delay.
        case storeWrite(plusMicroseconds: UInt32)

        var description: String {
            switch self {
            case .after(let ms): "after \(ms) ms"
            case .storeWrite(let us): "at the first store write + \(us) µs"
            }
        }
    }

    /// The area's five enterprises for 1-2月, and a March file of ``rows`` enterprises with
    /// figures of their own; the register holds them all.
    static func writeFiles(_ fixture: JobFixture) throws {
        let classes = ["2521", "3110", "0610", "2710", "1713", "3091", "4411"]
        var reports = ContractCSV.reports.header.joined(separator: ",") + "\n"
        var register = AreaFixture.registerText()
        reports.reserveCapacity(rows * 160)
        register.reserveCapacity(register.utf8.count + rows * 80)
        for i in 0..<rows {
            let code = TestCodes.valid(10_000 + i)
            let region = "51040\(2 + i % 2)\(String(100 + i % 37))001"
            let industry = classes[i % classes.count]
            let output = 1_000 + i
            // credit_code … park, explanation, in contract order (ContractCSV.reports.columns).
            let cells: [String] = [
                code, "企业\(i)", region, industry, "2024-03", "\(output)", "\(output * 3)", "\(output * 9 / 10)", "\(output * 27 / 10)",
                "\(output * 97 / 100)", "\(output * 291 / 100)", "0", "\(output * 3)", "\(output / 20)", "\(output / 40)",
                "\(output / 10)", "\(20 + i % 500)", "", "",
            ]
            reports += cells.joined(separator: ",") + "\n"
            register += "\(code),企业\(i),\(region),\(industry),1,1,2020-01,,\n"
        }
        precondition(ContractCSV.reports.columns.count == 19)
        try fixture.writeRegister(register)
        try fixture.writeReports(february, AreaFixture.reportsText(period: february))
        try fixture.writeReports(march, reports)
    }

    /// Starts `statguard run` for March as a subprocess.
    static func start(_ fixture: JobFixture) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CommandRunner.executable())
        process.arguments = ["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--quiet"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Size and modification time of `path`, or nil when it does not exist.
    static func fileState(_ path: String) -> (size: Int, modified: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    /// Runs March and kills it at `trigger`; true when it was killed, false when it finished first.
    static func runAndKill(_ fixture: JobFixture, _ trigger: Trigger) throws -> Bool {
        let wal = fixture.storePath + "-wal"
        let initial = fileState(wal)
        let process = try start(fixture)
        switch trigger {
        case .after(let milliseconds):
            usleep(milliseconds * 1_000)
        case .storeWrite(let extra):
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning && Date() < deadline {
                if let now = fileState(wal), now.size > 32, initial == nil || now.size != initial!.size || now.modified != initial!.modified {
                    break
                }
                usleep(100)
            }
            if extra > 0 { usleep(extra) }
        }
        guard process.isRunning else {
            process.waitUntilExit()
            return false
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// The store after a kill: its digest, and March's stored row count (nil when March is not loaded).
    static func inspect(_ fixture: JobFixture) throws -> (digest: String, marchRows: Int?, marchRecord: Bool) {
        let store = try Store(path: fixture.storePath, writing: false)
        return (try store.contentDigest(), try store.table(.reports, period: march)?.count, try store.loadRecord(of: march) != nil)
    }

    /// Expects the store's lock to be free (the killed process's lock went with it).
    static func expectLockFree(_ fixture: JobFixture, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let store = try Store(path: fixture.storePath, writing: true)
            withExtendedLifetime(store) {}
        } catch {
            Issue.record("the store is still locked after the kill: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("SIGKILL at any point of a load leaves the store as before or the period whole; a new run succeeds", .timeLimit(.minutes(5)))
    func killMidLoad() throws {
        let fixture = try JobFixture()
        try Self.writeFiles(fixture)
        let baseline = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-02", "--quiet"])
        #expect(baseline.exitCode == 0, "\(baseline.standardError)")
        let before = try fixture.storeDigest()

        // Kills while March is loaded for the first time.
        var kills = 0
        var wholeDigests: Set<String> = []
        // Early (reading the files), then from the first page the load writes into the store's
        // log (the transaction takes tens of milliseconds) to well after its commit.
        let triggers: [Trigger] = [
            .after(milliseconds: 150), .after(milliseconds: 300), .storeWrite(plusMicroseconds: 0),
            .storeWrite(plusMicroseconds: 2_000), .storeWrite(plusMicroseconds: 10_000), .storeWrite(plusMicroseconds: 30_000),
            .storeWrite(plusMicroseconds: 150_000),
        ]
        for trigger in triggers {
            let killed = try Self.runAndKill(fixture, trigger)
            if killed { kills += 1 }
            let state = try Self.inspect(fixture)
            if let rows = state.marchRows {
                // Whole: every row, and its load record.
                #expect(rows == Self.rows, "killed \(trigger): March holds \(rows) rows")
                #expect(state.marchRecord, "killed \(trigger): March without its load record")
                wholeDigests.insert(state.digest)
            } else {
                #expect(state.digest == before, "killed \(trigger): March absent but the store changed")
                #expect(!state.marchRecord)
            }
            Self.expectLockFree(fixture)
        }
        #expect(kills > 0, "every run finished before it could be killed")

        // A new run succeeds and loads March whole.
        let done = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--quiet"])
        #expect(done.exitCode == 0, "\(done.standardError)")
        let after = try Self.inspect(fixture)
        #expect(after.marchRows == Self.rows)
        #expect(after.digest != before)
        #expect(wholeDigests.isSubset(of: [after.digest]), "a killed run left March different from a whole load")

        // Killed while replacing the loaded March: the content stays exactly as it was.
        var replaceKills = 0
        for trigger in [Trigger.storeWrite(plusMicroseconds: 0), .storeWrite(plusMicroseconds: 2_000), .after(milliseconds: 200)] {
            if try Self.runAndKill(fixture, trigger) { replaceKills += 1 }
            #expect(try fixture.storeDigest() == after.digest, "killed \(trigger) while replacing March")
            Self.expectLockFree(fixture)
        }
        #expect(replaceKills > 0)
        let again = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--quiet"])
        #expect(again.exitCode == 0)
        #expect(try fixture.storeDigest() == after.digest)
    }
}
