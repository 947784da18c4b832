import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Tiny read chunks make multi-byte characters, quoted fields, line ends and the
/// byte-order mark straddle chunk boundaries; the result must not change.
@Suite struct ChunkBoundaryTests {
    static let chunkSizes = Array(1...16) + [17, 31, 64, 1000]

    /// A file with something at every kind of boundary: multi-byte names (a 4-byte
    /// one too), quoted commas, doubled quotes and line breaks, full-width digits,
    /// thousands separators, placeholders, a padded industry code, a blank row, an
    /// unknown column, and rows failing S02, S05, S08 and S09.
    static var text: String {
        let csv = ContractCSV.reports
        var header = csv.header
        header[5] = "工业总产值（当年价格）本月"
        header.append("备注（说明）")
        var text = CSVEncoding.record(header)
        func add(_ overrides: [String: String], note: String = "") {
            text += CSVEncoding.record(csv.row(overrides) + [note])
        }
        add(["credit_code": TestCodes.realValid[0], "name": "北京\"燕山\"焦化,有限公司", "gross_output": "１２，３４５．６"], note: "第一行")  // 2
        add(["credit_code": TestCodes.realValid[1], "name": "天津𠮷祥\n钢铁", "gross_output": "12,345.6", "energy": "—"])  // 3-4
        add(["credit_code": "9.13502E+17", "name": "统一焦化"])  // 5: S02
        text += String(repeating: ",", count: header.count - 1) + "\n"  // 6: blank row
        add(["credit_code": TestCodes.realValid[2], "industry_code": "610", "period": "2024年3月"], note: "补报, \"核实\"")  // 7
        add(["credit_code": TestCodes.realValid[3], "gross_output": "1,23"])  // 8: S05
        add(["credit_code": TestCodes.realValid[0], "name": "重复"])  // 9: S08
        text += "91440101MA5CJQ4N59,只有三列,110108001002\n"  // 10: S09
        add(["credit_code": TestCodes.realValid[5], "name": "广州\r\n\r\n新能源", "park": "南沙"])  // 11-13
        add(["credit_code": TestCodes.realValid[4], "name": "厦门"])  // 14, no line end after it
        text.removeLast()
        return text
    }

    @Test func theFixtureReadsAsExpected() throws {
        let result = try readFixture(Self.text)
        #expect(result.table.lines == [2, 3, 7, 11, 14])
        #expect(result.quarantined.map(\.line) == [5, 8, 9, 10])
        #expect(result.quarantined.map(\.rule) == [.S02, .S05, .S08, .S09])
        #expect(result.table[ReportField.grossOutput] == [12345.6, 12345.6, 1200.5, 1200.5, 1200.5])
        #expect(result.table[ReportField.energy][1].isNaN)
        #expect(result.table.strings(ReportField.name) == ["北京\"燕山\"焦化,有限公司", "天津𠮷祥\n钢铁", "北京焦化有限公司", "广州\r\n\r\n新能源", "厦门"])
        #expect(result.table.industryCodes.map(\.description) == ["2521", "2521", "0610", "2521", "2521"])
        #expect(result.notices == [
            .unknownColumns(["备注（说明）"]), .paddedIndustryCodes(count: 1, firstLine: 7), .blankRows(count: 1, firstLine: 6),
        ])
        let notes = result.table.passThrough[0].values
        #expect((0..<notes.count).map { notes[$0] } == ["第一行", "", "补报, \"核实\"", "", ""])
    }

    @Test("every chunk size gives the default chunk's result", arguments: FixtureEncoding.allCases, LineEnding.allCases)
    func chunkSizesDoNotChangeTheResult(_ encoding: FixtureEncoding, _ lineEnding: LineEnding) throws {
        let folder = try FixtureFolder("chunks")
        let path = try folder.write("reports_202403.csv", text: Self.text, encoding: encoding, lineEnding: lineEnding)
        let reference = ReadSnapshot(try readChecked(path))
        // With CRLF line ends the name "广州\r\n\r\n新能源" is written "广州\r\r\n\r\r\n新能源":
        // each "\r\r\n" is a lone CR and a CRLF, two physical lines.
        #expect(reference.lines == (lineEnding == .crlf ? [2, 3, 7, 11, 16] : [2, 3, 7, 11, 14]))
        #expect(reference.encoding == (encoding == .gb18030 ? .gb18030 : .utf8))
        for chunkSize in Self.chunkSizes {
            let result: FileReadResult
            do {
                result = try readChecked(path, options: ReadOptions(chunkSize: chunkSize))
            } catch {
                Issue.record("chunk size \(chunkSize): \(error)")
                continue
            }
            let snapshot = ReadSnapshot(result)
            #expect(snapshot == reference, "chunk size \(chunkSize)")
        }
    }

    @Test func randomFilesAtRandomChunkSizes() throws {
        var generator = SeededGenerator(seed: 18030)
        let csv = ContractCSV.reports
        let pieces = ["北京", "焦化", "𠮷", "有限", ",", "\"", "\n", "\r\n", " ", "Co.", "１２", "（", "）", "—"]
        for round in 0..<12 {
            var rows: [[String]] = []
            for i in 0..<40 {
                let name = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                var overrides = ["credit_code": TestCodes.valid(i), "name": "企" + name]
                if Bool.random(using: &generator) { overrides["gross_output"] = ["1,234.5", "１２３", "-", "", "abc", "1e3"].randomElement(using: &generator)! }
                if Int.random(in: 0..<8, using: &generator) == 0 { overrides["credit_code"] = TestCodes.valid(i - 1 < 0 ? 0 : i - 1) }
                rows.append(csv.row(overrides))
            }
            let encoding = FixtureEncoding.allCases[round % 3]
            let lineEnding = LineEnding.allCases[round % 2]
            let folder = try FixtureFolder("chunks")
            let path = try folder.write("reports_202403.csv", text: csv.text(rows), encoding: encoding, lineEnding: lineEnding)
            let reference = ReadSnapshot(try readChecked(path))
            #expect(reference.rowsRead == 40)
            for _ in 0..<4 {
                let chunkSize = Int.random(in: 1...40, using: &generator)
                do {
                    let snapshot = ReadSnapshot(try readChecked(path, options: ReadOptions(chunkSize: chunkSize)))
                    #expect(snapshot == reference, "round \(round), \(encoding) \(lineEnding), chunk size \(chunkSize)")
                } catch {
                    Issue.record("round \(round), \(encoding) \(lineEnding), chunk size \(chunkSize): \(error)")
                }
            }
        }
    }
}
