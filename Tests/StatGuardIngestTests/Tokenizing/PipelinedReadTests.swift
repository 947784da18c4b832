import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// ``CSVFileStream/readPipelined(batchBytes:onRow:)`` hands on exactly what ``CSVFileStream/read(onRow:)``
/// does, in the same order: every record's lines, fields and problem, the summary, the error and the rows
/// before it, and it stops where the caller stops it, whatever the batch size.
@Suite struct PipelinedReadTests {
    /// A record as handed on, copied out of the reader's buffers.
    struct Record: Equatable {
        var line: Int
        var lineCount: Int
        var problem: RecordProblem?
        var fields: [[UInt8]]
    }

    /// What a read handed on and how it ended.
    struct Outcome: Equatable {
        var records: [Record] = []
        var bytesRead: Int?
        var encoding: TextEncoding?
        var error: String?
    }

    static func outcome(
        _ stream: CSVFileStream, pipelined: Bool, batchBytes: Int = 64, stopAfter: Int = .max
    ) -> Outcome {
        var outcome = Outcome()
        func take(_ row: RawRow) -> Bool {
            outcome.records.append(Record(
                line: row.line, lineCount: row.lineCount, problem: row.problem, fields: (0..<row.count).map { Array(row.field($0)) }))
            return outcome.records.count < stopAfter
        }
        do {
            let summary = try pipelined ? stream.readPipelined(batchBytes: batchBytes, onRow: take) : stream.read(onRow: take)
            (outcome.bytesRead, outcome.encoding) = (summary.bytesRead, summary.encoding)
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    @Test func randomFilesReadTheSameOnTwoCores() {
        var generator = SeededGenerator(seed: 1707)
        var records = 0
        for round in 0..<300 {
            var bytes = RandomFile.make(using: &generator)
            if round % 3 == 0 { bytes = RandomFile.damaged(bytes, using: &generator) }
            let batch = [1, 7, 64, 1 << 18][round % 4]
            let chunk = [3, 17, 1 << 20][round % 3]
            let stream = CSVFileStream(name: "reports_202403.csv", contents: bytes, chunkSize: chunk)
            let plain = Self.outcome(stream, pipelined: false)
            #expect(Self.outcome(stream, pipelined: true, batchBytes: batch) == plain, "round \(round)")
            records += plain.records.count
        }
        #expect(records > 3000)
    }

    @Test func aRunawayQuoteAndAnOverlongRecordReadTheSame() {
        // A quote that never closes makes the reader go back to the line after the cut; a record over the size limit is kept truncated.
        let long = String(repeating: "9", count: CSVTokenizer.maximumRecordBytes + 10)
        let text = "a,b,c\n1,\"open,3\n4,5,6\n7,8,9\n" + "x," + long + ",z\n10,11,12\n"
        let stream = CSVFileStream(name: "reports_202403.csv", contents: Array(text.utf8), chunkSize: 4096)
        let plain = Self.outcome(stream, pipelined: false)
        #expect(plain.records.contains { $0.problem != nil })
        #expect(plain.records.last?.fields == [Array("10".utf8), Array("11".utf8), Array("12".utf8)])
        #expect(Self.outcome(stream, pipelined: true, batchBytes: 16) == plain)
    }

    @Test func theRowsBeforeAnUnusableByteAreHandedOnAndTheErrorIsThrown() {
        // A file pinned to UTF-8 with a byte that is not UTF-8 on its fourth line.
        let text = Array("a,b\n北京,1\n上海,2\n".utf8) + [0xFF, 0x0A] + Array("c,3\n".utf8)
        let stream = CSVFileStream(name: "reports_202403.csv", contents: text, pinnedEncoding: .utf8, chunkSize: 5)
        let plain = Self.outcome(stream, pipelined: false)
        #expect(plain.error?.contains("line 4") == true)
        #expect(plain.records.count == 3)
        for batch in [1, 1 << 18] {  // rows sent one by one, and rows still in the batch being filled
            #expect(Self.outcome(stream, pipelined: true, batchBytes: batch) == plain, "batch \(batch)")
        }
    }

    @Test func stoppingTheReadStopsItOnTwoCores() {
        let text = (0..<5000).map { "\($0),x,y\n" }.joined()
        let stream = CSVFileStream(name: "reports_202403.csv", contents: Array(text.utf8), chunkSize: 256)
        let stopped = Self.outcome(stream, pipelined: true, batchBytes: 100, stopAfter: 10)
        #expect(stopped.records.count == 10)
        #expect(stopped.records.map(\.line) == Array(1...10))
        #expect(stopped.error == nil)
    }

    @Test func aContractFileReadsTheSameOnTwoCores() throws {
        var generator = SeededGenerator(seed: 44)
        for _ in 0..<40 {
            let bytes = RandomFile.make(using: &generator)
            var options = ReadOptions()
            let plain = try? ContractFileReader(kind: .reports, options: options).read(bytes: bytes, name: "reports_202403.csv")
            options.readsOnTwoCores = true
            let twoCores = try? ContractFileReader(kind: .reports, options: options).read(bytes: bytes, name: "reports_202403.csv")
            #expect(plain?.rowsRead == twoCores?.rowsRead)
            #expect(plain?.quarantined.map(\.line) == twoCores?.quarantined.map(\.line))
            #expect(plain?.quarantined.map(\.reason) == twoCores?.quarantined.map(\.reason))
            #expect(plain?.table.count == twoCores?.table.count)
        }
    }
}
