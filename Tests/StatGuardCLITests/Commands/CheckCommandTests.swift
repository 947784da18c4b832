import Foundation
import StatGuardTestSupport
import Testing

/// `statguard check`, run as the built executable, the way cron runs it.
@Suite struct CheckCommandTests {
    let csv = ContractCSV.reports

    /// A reports file with two good rows and one that fails S05 on line 3.
    func fileWithOneBadRow(in folder: FixtureFolder) throws -> String {
        try folder.write("reports_202403.csv", text: csv.text([
            csv.row(["credit_code": TestCodes.realValid[0]]),
            csv.row(["credit_code": TestCodes.realValid[1], "gross_output": "=1+1"]),
            csv.row(["credit_code": TestCodes.realValid[2]]),
        ]), encoding: .gb18030, lineEnding: .crlf)
    }

    @Test func quarantinedRowsAreAResultNotAFailure() throws {
        let folder = try FixtureFolder("cli")
        let file = try fileWithOneBadRow(in: folder)
        let out = folder.path("out")
        let run = try CommandRunner.run(["check", file, "--out", out])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput.contains("reports (企业月报), gb18030, period 2024-03"))
        #expect(run.standardOutput.contains("rows read 3, loaded 2, quarantined 1"))
        #expect(run.standardOutput.contains("line 3: S05"))
        #expect(run.standardOutput.contains("quarantine: 1 rows written to"))

        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: (out as NSString).appendingPathComponent("quarantine.csv"))))
        #expect(Array(bytes.prefix(3)) == FixtureBytes.byteOrderMark)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("source_file,line,rule_id,reason,cell_1,") == true)
        #expect(lines.last?.hasPrefix("reports_202403.csv,3,S05,") == true)
        #expect(lines.last?.contains(",'=1+1,") == true)  // formula-safe, decoded from GB18030
        #expect(lines.last?.contains(TestCodes.realValid[1]) == true)
        #expect(lines.last?.contains("北京焦化有限公司") == true)
    }

    @Test func withoutOutNothingIsWritten() throws {
        let folder = try FixtureFolder("cli")
        let file = try fileWithOneBadRow(in: folder)
        let run = try CommandRunner.run(["check", file], in: folder.path)
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.contains("pass --out DIR"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["reports_202403.csv"])
    }

    @Test func anUnusableFileExitsThreeWithOneLinePerFile() throws {
        let folder = try FixtureFolder("cli")
        let good = try fileWithOneBadRow(in: folder)
        let xlsx = try folder.write("reports_202404.csv", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])
        let run = try CommandRunner.run(["check", xlsx, good, "--out", folder.path("out")])
        #expect(run.exitCode == 3)
        // The other file still went on.
        #expect(run.standardOutput.contains("rows read 3, loaded 2, quarantined 1"))
        let lines = run.errorLines
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("statguard: ") })
        let about = lines.filter { $0.contains(xlsx) }
        #expect(about.count == 1)
        #expect(about.first?.contains("not a CSV file") == true)
        #expect(about.first?.contains("xlsx") == true)
        #expect(lines.last == "statguard: 1 of 2 files could not be used")
        #expect(FileManager.default.fileExists(atPath: folder.path("out/quarantine.csv")))
    }

    @Test func missingColumnExitsThreeNamingIt() throws {
        let folder = try FixtureFolder("cli")
        let file = try folder.write("reports_202403.csv", text: csv.dropping("electricity").text(rowCount: 2))
        let run = try CommandRunner.run(["check", file])
        #expect(run.exitCode == 3)
        #expect(run.errorLines.first?.contains("'工业用电量本月 (electricity)' missing") == true)
        #expect(run.errorLines.first?.contains("the header has: 统一社会信用代码, 单位详细名称") == true)
    }

    @Test func undecodableFileExitsThreeWithTheLine() throws {
        let folder = try FixtureFolder("cli")
        let bytes = Array(csv.text(rowCount: 3).utf8) + Array("9111".utf8) + [0xFF, 0xFF, 0x0A]
        let file = try folder.write("reports_202403.csv", bytes: bytes)
        let run = try CommandRunner.run(["check", file])
        #expect(run.exitCode == 3)
        #expect(run.errorLines.first?.contains("line 5") == true)
    }

    @Test("a bad --period is a usage error", arguments: ["2024-13", "24-03", "March"])
    func badPeriod(_ period: String) throws {
        let folder = try FixtureFolder("cli")
        let file = try fileWithOneBadRow(in: folder)
        let run = try CommandRunner.run(["check", file, "--period", period])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("'\(period)' is not a period"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func badEncodingAndKindAreUsageErrors() throws {
        let folder = try FixtureFolder("cli")
        let file = try fileWithOneBadRow(in: folder)
        #expect(try CommandRunner.run(["check", file, "--encoding", "latin1"]).exitCode == 2)
        #expect(try CommandRunner.run(["check", file, "--kind", "invoices"]).exitCode == 2)
        #expect(try CommandRunner.run(["check"]).exitCode == 2)
    }

    @Test func periodOptionDrivesS07() throws {
        let folder = try FixtureFolder("cli")
        let file = try fileWithOneBadRow(in: folder)
        let run = try CommandRunner.run(["check", file, "--period", "2024年4月"])
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.contains("period 2024-04"))
        #expect(run.standardOutput.contains("quarantined 3"))
        #expect(run.standardOutput.contains("S07 wrong period (报告期不符): 3"))
    }

    @Test func encodingPin() throws {
        let folder = try FixtureFolder("cli")
        let file = try fileWithOneBadRow(in: folder)
        let pinned = try CommandRunner.run(["check", file, "--encoding", "GBK"])
        #expect(pinned.exitCode == 0)
        #expect(pinned.standardOutput.contains("gb18030"))
        let wrong = try CommandRunner.run(["check", file, "--encoding", "utf-8"])
        #expect(wrong.exitCode == 3)
        #expect(wrong.errorLines.first?.contains("line 1") == true)
    }

    @Test func kindOptionForAnUnconventionalName() throws {
        let folder = try FixtureFolder("cli")
        let file = try folder.write("名录.csv", text: ContractCSV.register.text(rowCount: 2))
        let run = try CommandRunner.run(["check", file, "--kind", "register"])
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.contains("register (名录库)"))
        #expect(run.standardOutput.contains("rows read 2, loaded 2, quarantined 0"))
    }

    @Test func versionAndHelp() throws {
        let version = try CommandRunner.run(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CommandRunner.run(["check", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.contains("--out"))
    }
}
