@testable import StatGuardIngest
import Testing

/// A record as the tokenizer delivered it.
struct TokenizedRow: Equatable, CustomStringConvertible {
    var line: Int
    var cells: [String]
    var problem: RecordProblem? = nil
    var description: String { "\(line): \(cells)\(problem.map { " \($0)" } ?? "")" }
}

/// Feeds `bytes` to a fresh tokenizer `chunk` bytes at a time, restarting at the line it asks
/// for after cutting a record short, as ``CSVFileStream`` does. `restarts` lists those lines.
func tokenize(_ bytes: [UInt8], chunk: Int) -> (rows: [TokenizedRow], restarts: [Int], lastLine: Int) {
    let tokenizer = CSVTokenizer()
    var rows: [TokenizedRow] = []
    var restarts: [Int] = []
    let collect = { (row: RawRow) in rows.append(TokenizedRow(line: row.line, cells: row.strings, problem: row.problem)) }
    var start = 0
    while true {
        var cutAt: Int?
        while start < bytes.count && cutAt == nil {
            let end = min(start + chunk, bytes.count)
            cutAt = bytes[start..<end].withUnsafeBytes { tokenizer.feed($0, handler: collect) }
            start = end
        }
        if cutAt == nil { cutAt = tokenizer.finish(handler: collect) }
        guard let line = cutAt else { break }
        restarts.append(line)
        var position = LinePosition()
        start = bytes.withUnsafeBytes { position.advance(over: $0, stoppingAtLine: line) } ?? bytes.count
        tokenizer.restart(at: line)
    }
    return (rows, restarts, tokenizer.position.line)
}

func tokenize(_ text: String, chunk: Int = 1 << 16) -> (rows: [TokenizedRow], restarts: [Int], lastLine: Int) {
    tokenize(Array(text.utf8), chunk: chunk)
}

/// RFC 4180 records and their physical line numbers, whatever the chunking.
@Suite struct CSVTokenizerTests {
    @Test func plainRecords() {
        #expect(tokenize("a,b\nc,d\n").rows == [TokenizedRow(line: 1, cells: ["a", "b"]), TokenizedRow(line: 2, cells: ["c", "d"])])
    }

    @Test func crlfAndMixedLineEnds() {
        let rows = tokenize("a,b\r\nc,d\ne,f\r\ng,h").rows
        #expect(rows.map(\.line) == [1, 2, 3, 4])
        #expect(rows.map(\.cells) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
    }

    @Test func quotedFieldsAndTheLinesAfterThem() {
        let text = "x,\"北京\n焦化\"\ny,\"say \"\"hi\"\"\"\r\nz,\"a,b\",\"c\r\nd\r\ne\"\nw,end\n"
        let rows = tokenize(text).rows
        #expect(rows == [
            TokenizedRow(line: 1, cells: ["x", "北京\n焦化"]),
            TokenizedRow(line: 3, cells: ["y", "say \"hi\""]),
            TokenizedRow(line: 4, cells: ["z", "a,b", "c\r\nd\r\ne"]),
            TokenizedRow(line: 7, cells: ["w", "end"]),
        ])
    }

    @Test func blankLinesCountAsLines() {
        #expect(tokenize("a\n\nb\r\n\r\n\nc\n").rows.map(\.line) == [1, 3, 6])
    }

    @Test func aRowOfOnlyCommasIsBlank() {
        let tokenizer = CSVTokenizer()
        var blank: [Bool] = []
        var counts: [Int] = []
        Array(",,\na,,\n".utf8).withUnsafeBytes { bytes in
            _ = tokenizer.feed(bytes) { row in
                blank.append(row.isBlank)
                counts.append(row.count)
            }
        }
        #expect(blank == [true, false])
        #expect(counts == [3, 3])
    }

    @Test func lastRecordWithoutALineEnd() {
        let result = tokenize("a,b\nc,d")
        #expect(result.restarts.isEmpty)
        #expect(result.rows.last == TokenizedRow(line: 2, cells: ["c", "d"]))
    }

    @Test func quoteOpenAtTheEndIsCutAtItsLineAndTheRestReadOn() {
        let result = tokenize("a,b\nc,\"d\ne,f\n")
        #expect(result.rows == [
            TokenizedRow(line: 1, cells: ["a", "b"]),
            TokenizedRow(line: 2, cells: ["c", "d"], problem: .unclosedQuote(column: 1, runsIntoNextLines: true)),
            TokenizedRow(line: 3, cells: ["e", "f"]),
        ])
        #expect(result.restarts == [3])
    }

    @Test("the same records whatever the chunk size", arguments: 1...12)
    func chunkSizesDoNotMatter(_ chunk: Int) {
        let text = "统一社会信用代码,名称\r\n91110000101623741K,\"北京,\"\"焦化\"\"\r\n有限公司\"\n\n911101066976941872,１２３\r\n"
        let whole = tokenize(text)
        #expect(whole.rows.map(\.line) == [1, 2, 5])
        #expect(whole.rows[1].cells == ["91110000101623741K", "北京,\"焦化\"\r\n有限公司"])
        let chunked = tokenize(Array(text.utf8), chunk: chunk)
        #expect(chunked.rows == whole.rows)
        #expect(chunked.restarts.isEmpty)
    }
}
