import StatGuardCore
import StatGuardIngest

/// What every read must keep, checked with `precondition` so that a violation traps and
/// libFuzzer saves the input.
extension FuzzIngest {
    /// A whole-file error names a line of the file.
    static func checkError(_ error: IngestError, _ bytes: [UInt8]) {
        switch error.reason {
        case .undecodable(let line, _), .unterminatedQuote(let line):
            precondition(line >= 1 && line <= physicalLines(bytes).count + 1, "error at line \(line): \(error)")
        default:
            break
        }
    }

    /// Rows read = loaded + quarantined; every column holds one value per loaded row; rows keep
    /// file order on lines of their own; loaded figures are finite and plausible; and the
    /// records' lines cover every physical line that is not blank, exactly once.
    static func checkAccounted(_ result: FileReadResult, _ bytes: [UInt8], pin: TextEncoding?) {
        precondition(result.rowsRead == result.rowsLoaded + result.quarantined.count,
                     "rows read \(result.rowsRead) ≠ loaded \(result.rowsLoaded) + quarantined \(result.quarantined.count)")
        let table = result.table
        precondition(table.count == result.rowsLoaded && table.lines.count == table.count && table.creditCodes.count == table.count)
        for (index, field) in result.kind.fields.enumerated() {
            let length: Int
            switch field.type {
            case .text: length = table.texts[index].count
            case .decimal, .count: length = table.numbers[index].count
            case .period: length = table.periods[index].count
            case .code: length = table.codes[index].count
            case .regionCode: length = table.regionCodes.count
            case .industryCode: length = table.industryCodes.count
            case .creditCode: length = table.count
            }
            precondition(length == table.count, "column \(field.name) has \(length) values for \(table.count) rows")
            if case .decimal = field.type { checkPlausible(table.numbers[index], limit: PlausibleMagnitude.figure, field.name) }
            if case .count = field.type { checkPlausible(table.numbers[index], limit: PlausibleMagnitude.count, field.name) }
        }
        precondition(Set(table.passThrough.map(\.header)).count == table.passThrough.count, "pass-through names repeat")
        for column in table.passThrough { precondition(column.values.count == table.count) }
        let loaded = table.lines.map(Int.init)
        let quarantined = result.quarantined.map(\.line)
        precondition(zip(loaded, loaded.dropFirst()).allSatisfy(<), "loaded rows out of order: \(loaded)")
        precondition(zip(quarantined, quarantined.dropFirst()).allSatisfy(<), "quarantined rows out of order: \(quarantined)")
        checkLines(bytes, pin: pin, rowLines: loaded + quarantined, name: result.file)
    }

    private static func checkPlausible(_ values: [Double], limit: Double, _ name: String) {
        for value in values where !value.isNaN {
            precondition(value.isFinite && abs(value) <= limit, "\(name) loaded as \(value)")
        }
    }

    /// The stream's records partition the file's physical lines (blank lines aside), and the
    /// header, the rows and the blank rows are exactly those records.
    private static func checkLines(_ bytes: [UInt8], pin: TextEncoding?, rowLines: [Int], name: String) {
        var records: [(line: Int, lineCount: Int, blank: Bool)] = []
        do {
            _ = try CSVFileStream(name: name, contents: bytes, pinnedEncoding: pin).read { row in
                records.append((row.line, row.lineCount, row.isBlank && row.problem == nil))
                return true
            }
        } catch {
            preconditionFailure("the stream fails a file the reader read: \(error)")
        }
        let lines = physicalLines(bytes)
        var owners = Array(repeating: 0, count: lines.count + 1)
        for record in records {
            precondition(record.line >= 1 && record.lineCount >= 1 && record.line + record.lineCount - 1 <= lines.count,
                         "record at line \(record.line) spans \(record.lineCount) of \(lines.count) lines")
            for line in record.line..<(record.line + record.lineCount) { owners[line] += 1 }
        }
        for (index, text) in lines.enumerated() {
            let blank = text.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            precondition(owners[index + 1] == 1 || (owners[index + 1] == 0 && blank), "line \(index + 1) belongs to \(owners[index + 1]) records")
        }
        let beforeHeader = records.prefix { $0.blank }.count
        precondition(beforeHeader < records.count, "a file that read has no header record")
        let blankRows = records.dropFirst(beforeHeader + 1).filter(\.blank).map(\.line)
        let accounted = (rowLines + blankRows + [records[beforeHeader].line]).sorted()
        precondition(accounted == records.dropFirst(beforeHeader).map(\.line), "rows and records differ")
    }

    /// A second read with another chunk size gives the same rows, quarantine and notices.
    static func checkSame(_ first: FileReadResult, _ second: FileReadResult, chunkSize: Int) {
        precondition(first.rowsRead == second.rowsRead && first.rowsLoaded == second.rowsLoaded, "chunk size \(chunkSize) changes the counts")
        precondition(first.table.lines == second.table.lines, "chunk size \(chunkSize) changes the loaded rows")
        precondition(first.quarantined == second.quarantined, "chunk size \(chunkSize) changes the quarantine")
        precondition(first.notices == second.notices, "chunk size \(chunkSize) changes the notices")
        precondition(first.stream.encoding == second.stream.encoding, "chunk size \(chunkSize) changes the encoding")
    }

    /// The physical lines of `bytes` (ended by LF, CRLF or a lone CR), without their line ends.
    static func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                lines.append(bytes[start..<i])
                i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }
}
