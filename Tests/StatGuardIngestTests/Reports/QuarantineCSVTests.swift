@testable import StatGuardIngest
import StatGuardCore
import StatGuardReports
import StatGuardTestSupport
import Testing

/// `quarantine.csv` (data contract 3.2) as statisticians open it in Excel (section 3).
@Suite struct QuarantineCSVTests {
    let rows = [
        QuarantinedRow(sourceFile: "in/2024-03/reports_202403.csv", line: 4, rule: .S05,
                       reason: "S05 '工业总产值(当年价格)本月' (gross_output) '1,23' is not a number",
                       cells: ["91110000101623741K", "=SUM(A1)", "-12", "say \"hi\"", "北京\n焦化", "+86 10", "@x", "\tlead"]),
        QuarantinedRow(sourceFile: "register.csv", line: 9, rule: .S09, reason: "S09 the row has 2 cells, the header has 9",
                       cells: ["a", "-"]),
    ]

    /// The rendered file read back with StatGuard's own CSV reader.
    func readBack(_ bytes: [UInt8]) throws -> [[String]] {
        let folder = try FixtureFolder("quarantine")
        let path = try folder.write("quarantine.csv", bytes: bytes)
        var records: [[String]] = []
        let summary = try CSVFileStream(path: path).read { row in
            records.append(row.strings)
            return true
        }
        #expect(summary.hadByteOrderMark)
        #expect(summary.encoding == .utf8)
        return records
    }

    @Test func startsWithAByteOrderMarkAndAHeader() throws {
        let bytes = QuarantineCSV.render(rows)
        #expect(Array(bytes.prefix(3)) == FixtureBytes.byteOrderMark)
        let records = try readBack(bytes)
        #expect(records.first == ["source_file", "line", "rule_id", "reason"] + (1...8).map { "cell_\($0)" })
        #expect(records.count == 3)
    }

    @Test func everyCellIsKeptAndMadeSafe() throws {
        let records = try readBack(QuarantineCSV.render(rows))
        #expect(records[1] == [
            "reports_202403.csv", "4", "S05", "S05 '工业总产值(当年价格)本月' (gross_output) '1,23' is not a number",
            "91110000101623741K", "'=SUM(A1)", "-12", "say \"hi\"", "北京\n焦化", "'+86 10", "'@x", "'\tlead",
        ])
        // Narrower rows are padded to the widest one; a lone '-' is not a number, so it is quoted.
        #expect(records[2] == ["register.csv", "9", "S09", "S09 the row has 2 cells, the header has 9", "a", "'-", "", "", "", "", "", ""])
    }

    @Test func quotingIsRFC4180() {
        let text = String(decoding: QuarantineCSV.render(rows).dropFirst(3), as: UTF8.self)
        #expect(text.contains(",\"S05 '工业总产值(当年价格)本月' (gross_output) '1,23' is not a number\","))
        #expect(text.contains(",\"say \"\"hi\"\"\","))
        #expect(text.contains(",\"北京\n焦化\","))
        #expect(text.contains(",'=SUM(A1),-12,"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func noRowsIsJustTheHeader() {
        let text = String(decoding: QuarantineCSV.render([]), as: UTF8.self)
        #expect(text == "\u{FEFF}source_file,line,rule_id,reason\n")
    }

    @Test("formula-like cells", arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+1+1", "'+1+1"), ("-12", "-12"), ("+12.5", "+12.5"), ("-1.5E+3", "'-1.5E+3"), ("-12,345.6", "-12,345.6"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-", "'-"), ("=", "'="),
        ("12", "12"), ("北京", "北京"), ("", ""), ("a=b", "a=b"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
    ])
    func spreadsheetSafety(_ cell: String, _ safe: String) {
        #expect(SpreadsheetCSV.safe(cell) == safe)
    }

    @Test func aRealQuarantineRendersAndReadsBack() throws {
        let csv = ContractCSV.reports
        let bad = csv.row(["name": "=HYPERLINK(\"http://x\",\"点击\")", "gross_output": "-12", "region_code": "1"])
        let result = try readFixture(csv.text([csv.row(["credit_code": TestCodes.valid(1)]), bad]))
        let records = try readBack(QuarantineCSV.render(result.quarantined))
        #expect(records.count == 2)
        #expect(Array(records[1].prefix(3)) == ["reports_202403.csv", "3", "S04"])
        var expectedCells = bad
        expectedCells[1] = "'" + bad[1]
        #expect(Array(records[1].dropFirst(4)) == expectedCells)
    }
}

/// The text `statguard check` prints per file.
@Suite struct FileCheckTextTests {
    @Test func summaryLines() throws {
        let csv = ContractCSV.reports
        var rows = (0..<14).map { csv.row(["credit_code": TestCodes.valid($0), "gross_output": $0 < 12 ? "x" : "1"]) }
        rows.append(csv.row(["credit_code": TestCodes.valid(20), "industry_code": "610"]))
        let result = try readFixture(csv.text(rows))
        let lines = FileCheckText.render(result).split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix("reports_202403.csv: reports (企业月报), utf-8, period 2024-03"))
        #expect(lines[1] == "  rows read 15, loaded 3, quarantined 12")
        #expect(lines[2] == "  S05 unreadable value (数值无法识别): 12")
        #expect(lines.contains("  notice: 1 industry code had lost the leading zero and was padded (first at line 16)"))
        #expect(lines.filter { $0.hasPrefix("  line ") }.count == FileCheckText.listedRows)
        #expect(lines.last == "  … and 2 more rows in quarantine.csv")
    }
}
