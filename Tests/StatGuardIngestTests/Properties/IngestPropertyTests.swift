import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Properties of the whole ingest over seeded random files (see ``RandomFile``): whatever
/// the bytes, reading either stops with a whole-file error or keeps every row accounted for:
/// rows read = loaded + quarantined, every physical line of the file belongs to exactly one
/// record (the header, a loaded row, a quarantined row, a blank row) or is blank, loaded
/// figures are finite and plausible, and the chunk size changes nothing. Nothing traps.
@Suite struct IngestPropertyTests {
    /// A record as the stream delivered it: its lines and whether it is a blank row.
    struct Span {
        var line: Int
        var lineCount: Int
        var blank: Bool
    }

    /// The records of `bytes` as the stream delivers them.
    func spans(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws(IngestError) -> [Span] {
        var spans: [Span] = []
        _ = try CSVFileStream(name: "reports_202403.csv", contents: bytes, chunkSize: chunkSize).read { row in
            spans.append(Span(line: row.line, lineCount: row.lineCount, blank: row.isBlank && row.problem == nil))
            return true
        }
        return spans
    }

    /// Checks that the records' lines cover every physical line that is not blank, once.
    func expectLinesPartitioned(_ bytes: [UInt8], _ spans: [Span], sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = RandomFile.physicalLines(bytes)
        var owner = Array(repeating: 0, count: lines.count + 2)
        for span in spans {
            #expect(span.lineCount >= 1 && span.line >= 1 && span.line + span.lineCount - 1 <= max(lines.count, 1),
                    "record at \(span.line) spans \(span.lineCount) of \(lines.count) lines", sourceLocation: sourceLocation)
            for line in span.line..<min(span.line + span.lineCount, owner.count) { owner[line] += 1 }
        }
        for (index, text) in lines.enumerated() {
            let line = index + 1
            let blank = text.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            #expect(owner[line] == 1 || (owner[line] == 0 && blank),
                    "line \(line) belongs to \(owner[line]) records: \(String(decoding: text, as: UTF8.self).debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Reads `bytes` and checks every invariant; returns the read, or nil when the file was unusable.
    @discardableResult
    func expectAccounted(_ bytes: [UInt8], chunkSize: Int, sourceLocation: SourceLocation = #_sourceLocation) -> FileReadResult? {
        let reader = ContractFileReader(kind: .reports)
        let result: FileReadResult
        let records: [Span]
        do {
            result = try reader.read(bytes: bytes, name: "reports_202403.csv")
            records = try spans(bytes)
        } catch {
            if case .undecodable(let line, _) = error.reason {
                #expect(line >= 1 && line <= RandomFile.physicalLines(bytes).count + 1, sourceLocation: sourceLocation)
            }
            return nil
        }
        expectInvariants(result, sourceLocation: sourceLocation)
        expectLinesPartitioned(bytes, records, sourceLocation: sourceLocation)
        let beforeHeader = records.prefix { $0.blank }.count
        let header = records[beforeHeader].line
        let blankRows = records.dropFirst(beforeHeader + 1).filter(\.blank).map(\.line)
        let rowLines = result.table.lines.map(Int.init) + result.quarantined.map(\.line)
        #expect(Set(rowLines + blankRows + [header]) == Set(records.dropFirst(beforeHeader).map(\.line)), sourceLocation: sourceLocation)
        #expect(rowLines.count + blankRows.count + 1 == records.count - beforeHeader, sourceLocation: sourceLocation)
        for (index, field) in result.kind.fields.enumerated() {
            let limit = field.type == .count ? PlausibleMagnitude.count : PlausibleMagnitude.figure
            for value in result.table.numbers[index] where !value.isNaN {
                #expect(value.isFinite && abs(value) <= limit, "\(field.name) = \(value)", sourceLocation: sourceLocation)
            }
        }
        let chunked = ContractFileReader(kind: .reports, options: ReadOptions(chunkSize: chunkSize))
        do {
            #expect(ReadSnapshot(try chunked.read(bytes: bytes, name: "reports_202403.csv")) == ReadSnapshot(result),
                    "chunk size \(chunkSize)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("chunk size \(chunkSize): \(error)", sourceLocation: sourceLocation)
        }
        return result
    }

    @Test func randomRowsAreAllAccountedFor() {
        var generator = SeededGenerator(seed: 11)
        var rules: [StructureRule: Int] = [:]
        for round in 0..<150 {
            let bytes = RandomFile.make(using: &generator)
            let result = expectAccounted(bytes, chunkSize: Int.random(in: 1...64, using: &generator))
            #expect(result != nil, "round \(round): valid UTF-8 text always reads")
            for (rule, count) in result?.quarantineCounts ?? [:] { rules[rule, default: 0] += count }
        }
        // The files exercise what they are meant to: cut records, wrong widths, bad values.
        #expect(rules[.S11, default: 0] > 10 && rules[.S09, default: 0] > 10 && rules[.S10, default: 0] > 10, "\(rules)")
    }

    @Test func randomRowsInEveryEncodingAreAllAccountedFor() {
        var generator = SeededGenerator(seed: 18030)
        for round in 0..<60 {
            let text = RandomFile.make(using: &generator)
            let bytes = round % 2 == 0 ? FixtureBytes.byteOrderMark + text : FixtureBytes.gb18030(text)
            #expect(expectAccounted(bytes, chunkSize: Int.random(in: 1...64, using: &generator)) != nil, "round \(round)")
        }
    }

    @Test func damagedBytesNeverTrap() {
        var generator = SeededGenerator(seed: 400)
        var usable = 0
        for _ in 0..<200 {
            let bytes = RandomFile.damaged(RandomFile.make(using: &generator), using: &generator)
            if expectAccounted(bytes, chunkSize: Int.random(in: 1...64, using: &generator)) != nil { usable += 1 }
        }
        #expect(usable > 20)  // damage that is structural still decodes
    }
}
