import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Regressions (issue 11): a stray quote opening a name (`,"四川达州…`) made libcsv read the
/// lines after it into that name, up to a quote that happened to close it: one enterprise
/// with a 64-line name, the swallowed rows silently gone. Now that one row is quarantined
/// (S11, at its own line) and every swallowed line is read as the row it is.
@Suite struct RunawayQuoteTests {
    let csv = ContractCSV.reports

    /// 70 rows (lines 2-71); the name on line 5 opens a quote that never closes; line 69's name
    /// is quoted, so the runaway field would close there with the right number of cells.
    var file: String {
        var text = CSVEncoding.record(csv.header)
        for i in 0..<70 {
            let line = i + 2
            var cells = csv.row(["credit_code": TestCodes.valid(i), "name": "达州企业\(i)有限公司"])
            if line == 69 { cells[1] = "\"达州企业\(i)有限公司\"" }
            var record = cells.joined(separator: ",")
            if line == 5 { record = record.replacingOccurrences(of: ",达州企业", with: ",\"四川达州企业") }
            text += record + "\n"
        }
        return text
    }

    @Test("a stray quote swallows no rows", arguments: [1 << 20, 64, 7, 1])
    func strayQuoteSwallowsNoRows(_ chunkSize: Int) throws {
        for encoding in FixtureEncoding.allCases {
            for lineEnding in LineEnding.allCases {
                let result = try readFixture(file, encoding: encoding, lineEnding: lineEnding, options: ReadOptions(chunkSize: chunkSize))
                let context = "\(encoding) \(lineEnding) chunk \(chunkSize)"
                #expect(result.rowsRead == 70, "\(context)")
                #expect(result.quarantined.map(\.line) == [5], "\(context)")
                #expect(result.quarantined.map(\.rule) == [.S11], "\(context)")
                #expect(result.table.lines == (2...71).filter { $0 != 5 }.map { Int32($0) }, "\(context)")
                #expect(result.table.strings(ReportField.name)[66] == "达州企业67有限公司", "\(context)")  // line 69, quoted
                let row = try #require(result.quarantined.first)
                #expect(row.reason.contains("column 2 ('单位详细名称')"), "\(row.reason)")
                #expect(row.cells.count == 2)
                #expect(row.cells[1].hasPrefix("四川达州企业3有限公司,110108001002,"))
                #expect(!row.cells[1].contains("\n") && !row.cells[1].contains("\r"))
            }
        }
    }

    @Test func aQuoteThatNeverClosesSwallowsNoRowsEither() throws {
        let text = file.replacingOccurrences(of: "\"达州企业67有限公司\"", with: "达州企业67有限公司")
        let result = try readFixture(text)
        #expect(result.quarantined.map(\.line) == [5])
        #expect(result.rowsLoaded == 69)
    }

    @Test func aRunawayClosingOnTheNextLineIsCutToo() throws {
        // The quote opened on line 3 closes in line 4's quoted name: one record of the
        // header's width, spanning two lines, whose second line starts with a credit code.
        var text = CSVEncoding.record(csv.header)
        text += csv.row(["credit_code": TestCodes.valid(1)]).joined(separator: ",") + "\n"
        text += csv.row(["credit_code": TestCodes.valid(2)]).joined(separator: ",").replacingOccurrences(of: ",北京", with: ",\"北京") + "\n"
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(3), "name": "天津,钢铁"]))
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(4)]))
        let result = try readFixture(text)
        #expect(result.quarantined.map(\.line) == [3])
        #expect(result.quarantined.map(\.rule) == [.S11])
        #expect(result.table.lines == [2, 4, 5])
        #expect(result.table.strings(ReportField.name) == ["北京焦化有限公司", "天津,钢铁", "北京焦化有限公司"])
    }

    @Test func aStrayQuoteOnTheLastLineIsQuarantined() throws {
        var text = csv.text(rowCount: 2)
        text += csv.row(["credit_code": TestCodes.valid(5)]).joined(separator: ",").replacingOccurrences(of: ",北京", with: ",\"北京")
        let result = try readFixture(text)
        #expect(result.quarantined.map(\.line) == [4])
        #expect(result.quarantined.first?.reason.contains("never closes") == true)
        #expect(result.rowsLoaded == 2)
    }

    @Test("legitimate quotes still load", arguments: [1 << 20, 5, 1])
    func legitimateQuotesStillLoad(_ chunkSize: Int) throws {
        let names = [
            "达州市国康农牧\"川东\"有限公司",  // quotes inside an unquoted field
            "山西焦煤\n第二分公司",  // a name on two lines
            "天津钢铁,集团\n第三,分公司",  // two lines, commas in each
            "\"广州\"新能源\r\n有限公司",
        ]
        var text = CSVEncoding.record(csv.header)
        text += csv.row(["credit_code": TestCodes.valid(0), "name": names[0]]).joined(separator: ",") + "\n"
        for (i, name) in names.dropFirst().enumerated() {
            text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(i + 1), "name": name]))
        }
        let note = "产量下降,因设备检修\n预计下月恢复,特此说明\n联系人:张三,电话:0818-1234567"
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(9), "park": note]))
        let result = try readFixture(text, options: ReadOptions(chunkSize: chunkSize))
        #expect(result.quarantined.isEmpty, "\(result.quarantined.map(\.reason))")
        #expect(result.table.strings(ReportField.name).prefix(4) == ArraySlice(names))
        #expect(result.table.strings(ReportField.park).last == note)
        #expect(result.table.lines == [2, 3, 5, 7, 9])
    }

    @Test func aQuotedFieldOfManyLinesIsARunaway() throws {
        // No line inside it reads as a record, but no name or note has a hundred lines.
        let long = (0..<150).map { "第\($0)行" }.joined(separator: "\n")
        var text = CSVEncoding.record(csv.header)
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(1), "park": long]))
        let result = try readFixture(text)
        #expect(result.quarantined.first?.line == 2)
        #expect(result.quarantined.first?.rule == .S11)
        #expect(result.rowsRead == result.rowsLoaded + result.quarantined.count)
    }
}
