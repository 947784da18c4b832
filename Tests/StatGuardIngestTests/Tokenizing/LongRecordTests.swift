import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Regressions (issue 11): any record over 4 MB stopped the whole file with "a quoted field
/// opens here and never closes", quote or not. Now that record is quarantined (S11), kept
/// truncated, and reading goes on; memory stays bounded however long the line.
@Suite struct LongRecordTests {
    let csv = ContractCSV.reports

    /// A file of three rows whose middle one (line 3) has `cell` as its name, read from memory.
    func readWithName(_ cell: [UInt8], chunkSize: Int = 1 << 20) throws -> FileReadResult {
        var bytes = Array(csv.text([csv.row(["credit_code": TestCodes.valid(1)])]).utf8)
        let middle = csv.row(["credit_code": TestCodes.valid(2), "name": "NAME"]).joined(separator: ",").components(separatedBy: "NAME")
        bytes += Array(middle[0].utf8) + cell + Array(middle[1].utf8) + [0x0A]
        bytes += Array(CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(3)])).utf8)
        let result = try ContractFileReader(options: ReadOptions(chunkSize: chunkSize)).read(bytes: bytes, name: "reports_202403.csv")
        expectInvariants(result)
        return result
    }

    @Test("one long line rejects nothing but itself", arguments: [1 << 20, 1 << 16])
    func longLineIsQuarantinedAndReadingGoesOn(_ chunkSize: Int) throws {
        let result = try readWithName(Array(repeating: 0x41, count: 5 << 20), chunkSize: chunkSize)
        #expect(result.table.lines == [2, 4])
        let row = try #require(result.quarantined.first)
        #expect(row.line == 3)
        #expect(row.rule == .S11)
        #expect(row.reason.contains("truncated to the first 64 KiB"), "\(row.reason)")
        #expect(row.cells.reduce(0) { $0 + $1.utf8.count } <= CSVTokenizer.keptBytesOfLongRecord)
        #expect(row.cells.first == TestCodes.valid(2))
    }

    @Test func aLongQuotedFieldIsQuarantinedToo() throws {
        let cell = [0x22] + Array(repeating: UInt8(0x42), count: 5 << 20) + [0x22]
        let result = try readWithName(cell)
        #expect(result.quarantined.map(\.line) == [3])
        #expect(result.table.lines == [2, 4])
    }

    @Test func longMultiByteTextIsCutOnACharacterBoundary() throws {
        let result = try readWithName(Array(String(repeating: "达州", count: 1 << 20).utf8))
        let cells = try #require(result.quarantined.first?.cells)
        #expect(cells.allSatisfy { !$0.contains("\u{FFFD}") })
    }

    @Test func aRecordOfTooManyCellsIsQuarantined() throws {
        let result = try readWithName(Array(repeating: 0x2C, count: 100_000))
        let row = try #require(result.quarantined.first)
        #expect(row.rule == .S11)
        #expect(row.cells.count <= CSVTokenizer.keptCellsOfLongRecord)
        #expect(row.reason.contains("\(100_000 + ContractCSV.reports.columns.count) cells"), "\(row.reason)")
        #expect(result.table.lines == [2, 4])
    }

    @Test func aFiftyMegabyteLineNeitherCrashesNorHoldsItsSize() throws {
        let line = Array(repeating: UInt8(0x37), count: 50 << 20)
        let tokenizer = CSVTokenizer()
        var rows: [(line: Int, cells: Int, problem: RecordProblem?)] = []
        var held = 0
        let bytes = Array("a,b\n".utf8) + line + Array(",x\nc,d\n".utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + (1 << 20), bytes.count)
            let cut = bytes[start..<end].withUnsafeBytes { chunk in
                tokenizer.feed(chunk) { rows.append(($0.line, $0.count, $0.problem)) }
            }
            #expect(cut == nil)
            held = max(held, tokenizer.heldBytes)
            start = end
        }
        _ = tokenizer.finish { rows.append(($0.line, $0.count, $0.problem)) }
        #expect(rows.map(\.line) == [1, 2, 3])
        #expect(rows[1].problem == .tooLong(bytes: (50 << 20) + 1, cells: 2))
        #expect(rows[2].problem == nil)
        #expect(held <= 2 * CSVTokenizer.maximumRecordBytes)
    }

    @Test func aLongHeaderIsAWholeFileError() throws {
        let bytes = Array(repeating: UInt8(0x41), count: 5 << 20) + Array(",b\n1,2\n".utf8)
        let error = try ingestError(bytes: bytes)
        guard case .notCSV(let what)? = error?.reason else {
            Issue.record("expected .notCSV, got \(String(describing: error))")
            return
        }
        #expect(what.contains("header"))
    }
}
