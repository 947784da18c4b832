import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Regressions (issue 11): every location is the physical line (and column) of its cause.
@Suite struct LocationTests {
    let csv = ContractCSV.reports

    /// Rows on lines 2-6: lines 3 and 5 fail S06 and S04.
    var rows: [[String]] {
        [
            csv.row(["credit_code": TestCodes.valid(1)]),
            csv.row(["credit_code": TestCodes.valid(2), "gross_output": "-5"]),
            csv.row(["credit_code": TestCodes.valid(3), "name": "山西焦煤\r第二分公司"]),
            csv.row(["credit_code": TestCodes.valid(4), "region_code": "1"]),
            csv.row(["credit_code": TestCodes.valid(5)]),
        ]
    }

    @Test("CR-only line ends are physical lines", arguments: [1 << 20, 7, 1])
    func crOnlyLineEndsCountAsLines(_ chunkSize: Int) throws {
        for encoding in FixtureEncoding.allCases {
            let text = csv.text(rows).replacingOccurrences(of: "\n", with: "\r")
            let result = try readFixture(text, encoding: encoding, options: ReadOptions(chunkSize: chunkSize))
            // The name on line 4 holds a CR of its own: the row after it starts on line 6.
            #expect(result.quarantined.map(\.line) == [3, 6], "\(encoding)")
            #expect(result.table.lines == [2, 4, 7], "\(encoding)")
        }
    }

    @Test func mixedLineEndsAndBlankLines() throws {
        let records = rows.map { CSVEncoding.record($0).dropLast() }  // without their LF
        let text = CSVEncoding.record(csv.header).dropLast() + "\r\n" + records[0] + "\r" + records[1] + "\n\r\r\n"
            + records[2] + "\r\n" + records[3] + "\n\n" + records[4]
        let result = try readFixture(String(text))
        // Lines: 1 header, 2, 3, 4 and 5 blank, 6-7 (the name's CR), 8, 9 blank, 10.
        #expect(result.table.lines == [2, 6, 10])
        #expect(result.quarantined.map(\.line) == [3, 8])
    }

    @Test("a bad UTF-8 byte is blamed on its own line, read as UTF-8", arguments: [1 << 20, 7, 1])
    func badUTF8ByteOnItsLineReadAsUTF8(_ chunkSize: Int) throws {
        // Line 2's name is a damaged 达 (E8 with its last two bytes lost) before a whole one:
        // GB18030 reads that line without fault and fails only on line 3.
        var english = csv.header(.english)
        english.defaults["name"] = "四川达州市国康农牧川东有限公司"
        let parts = english.row(["name": "NAME"]).joined(separator: ",").components(separatedBy: "NAME")
        let bytes = Array(CSVEncoding.record(english.header).utf8) + Array(parts[0].utf8) + [0xE8] + Array("达".utf8)
            + Array(parts[1].utf8) + [0x0A] + Array(CSVEncoding.record(english.row(["credit_code": TestCodes.valid(3)])).utf8)
        let error = try ingestError(bytes: bytes, options: ReadOptions(chunkSize: chunkSize))
        #expect(error?.reason == .undecodable(line: 2, tried: "read as UTF-8"))
    }

    @Test("a bad byte after a CR-only line end is on the next line", arguments: [1 << 20, 3])
    func badByteAfterACROnlyLineEnd(_ chunkSize: Int) throws {
        let text = csv.text(rowCount: 2).replacingOccurrences(of: "\n", with: "\r")
        let error = try ingestError(bytes: Array(text.utf8) + [0xFF, 0x0D], options: ReadOptions(chunkSize: chunkSize))
        #expect(error?.reason == .undecodable(line: 4, tried: "read as UTF-8"))
    }

    @Test("a full-width credit code is counted in characters", arguments: [
        ("９１１１００００１０１６２３７４１Ｋ", "character 1 '９'"),
        ("９１１１００００１０１６２３７４１", "has 17 characters"),
        ("91110000101623741Ｋ", "character 18 'Ｋ'"),
        ("9111000010162374１K", "character 17 '１'"),
    ])
    func fullWidthCreditCodeCountsCharacters(_ code: String, _ mention: String) throws {
        let rowCase = RowCase(["credit_code": code], .S02, [mention, "half-width"])
        let result = try readCase(rowCase)
        expectOutcome(rowCase, result)
        #expect(result.quarantined.first?.reason.contains("54") == false)
    }
}
