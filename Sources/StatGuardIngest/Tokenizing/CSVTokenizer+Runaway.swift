/// A quoted field being read that already spans a line break.
struct OpenField {
    /// The line its record starts on, and its index in that record: which field this is.
    var recordLine: Int
    var field: Int
    /// The line after its first line break: where reading restarts when it runs away.
    var resyncLine: Int
    /// Its length before the first line break.
    var head: Int
    /// How much of it has been looked at (up to its last line break).
    var checked: Int
    /// Line breaks in it so far.
    var breaks: Int
}

/// Detecting a runaway quoted field: a `"` opening a field (`,"四川达州…`) that
/// never closes on its line, so libcsv reads the lines after it into that field.
///
/// Only quoted fields that hold line breaks are looked at, at each line break,
/// so clean input costs one comparison per line. A field runs away when
/// - a whole line inside it has as many cells as the header: it is a record;
/// - it holds more than ``runawayFieldBytes`` bytes or ``runawayFieldLines`` line breaks;
/// - the file ends inside it; or
/// - once it closed, its last line has at least two cells, its first cell has
///   the shape of the record's first cell (same length, letters and digits only,
///   as credit codes have), and with the cells after the field it makes a row
///   of the header's width: the quote closed in the next record's quoted cell.
///
/// The record is then cut at the field's first line break (its physical lines
/// before it are the record) and reading restarts on the line after, so every
/// swallowed line is read as the record it is. A legitimate quoted field with
/// a line break (a name on two lines) meets none of these and loads.
extension CSVTokenizer {
    /// Bytes a quoted field with line breaks may hold before it is judged a runaway.
    static let runawayFieldBytes = 64 << 10
    /// Line breaks a quoted field may hold before it is judged a runaway.
    static let runawayFieldLines = 100

    /// Called at a line start inside a quoted field: tracks the field and judges the line just completed.
    func openFieldSpansLine() -> Int? {
        guard isInQuotedField else { return nil }
        let content = openFieldBytes
        let end = content.count - trailingLineBreakLength(content)
        let assembly = record.pointee
        guard var open = openField, open.recordLine == assembly.startLine, open.field == assembly.cells else {
            openField = OpenField(
                recordLine: assembly.startLine, field: assembly.cells, resyncLine: assembly.lines.line,
                head: end, checked: content.count, breaks: 1)
            // A record already over the size limits has lost the field's head: cut it at once.
            return assembly.truncated ? cutAtOpenFieldIfSpanning() : nil
        }
        let completed = UnsafeBufferPointer(rebasing: content[min(open.checked, end)..<end])
        open.checked = content.count
        open.breaks += 1
        openField = open
        let isRecord = assembly.headerCells > 1 && Self.cellCount(completed) == assembly.headerCells
        if isRecord || content.count > Self.runawayFieldBytes || open.breaks > Self.runawayFieldLines || assembly.truncated {
            return cutAtOpenFieldIfSpanning()
        }
        return nil
    }

    /// When the field being read spans a line break: delivers its record cut at that
    /// break, and returns the line after it, where reading must restart.
    func cutAtOpenFieldIfSpanning() -> Int? {
        guard isInQuotedField, let open = openField,
              open.recordLine == record.pointee.startLine, open.field == record.pointee.cells
        else { return nil }
        let content = openFieldBytes
        record.pointee.appendOpenField(UnsafeBufferPointer(rebasing: content[0..<min(open.head, content.count)]))
        record.pointee.deliver(
            lineCount: open.resyncLine - open.recordLine, problem: .unclosedQuote(column: open.field, runsIntoNextLines: true))
        record.pointee.resyncLine = open.resyncLine
        openField = nil
        return open.resyncLine
    }

    /// Cells of a line inside a quoted field, counting commas up to a cell that opens with a quote
    /// (that cell runs to the end of the line, as it would on a line of its own).
    static func cellCount(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var cells = 1
        var atCellStart = true
        for byte in line {
            if atCellStart {
                if byte == 0x20 || byte == 0x09 { continue }
                if byte == 0x22 { return cells }
                atCellStart = false
            }
            if byte == 0x2C {
                cells += 1
                atCellStart = true
            }
        }
        return cells
    }
}

extension RecordAssembly {
    /// At the end of a record spanning lines: whether a closed quoted field in it ran away
    /// (see `CSVTokenizer+Runaway.swift`); if so the record was delivered cut and ``resyncLine`` set.
    mutating func cutRunawayField() -> Bool {
        guard headerCells > 1 else { return false }
        var breaksBefore = 0
        for field in 0..<endCount {
            let cell = cellBytes(field)
            guard let head = firstLineBreak(cell) else { continue }
            if field >= 1 && lastLineReadsAsRecord(cell, field: field) {
                let line = startLine + breaksBefore + 1
                cut(field: field, keeping: head)
                deliver(lineCount: line - startLine, problem: .unclosedQuote(column: field, runsIntoNextLines: true))
                resyncLine = line
                return true
            }
            breaksBefore += lineBreakCount(cell)
        }
        return false
    }

    private func cellBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
    }

    /// Whether the last line of `cell`, with the cells after it, reads as the start of another record.
    private func lastLineReadsAsRecord(_ cell: UnsafeBufferPointer<UInt8>, field: Int) -> Bool {
        var start = cell.count
        while start > 0 && cell[start - 1] != 0x0A && cell[start - 1] != 0x0D { start -= 1 }
        let line = UnsafeBufferPointer(rebasing: cell[start...])
        let cellsOnLine = CSVTokenizer.cellCount(line)
        guard cellsOnLine >= 2, cellsOnLine + endCount - field - 1 == headerCells else { return false }
        var firstEnd = 0
        while firstEnd < line.count && line[firstEnd] != 0x2C { firstEnd += 1 }
        return isCodeLike(UnsafeBufferPointer(rebasing: line[0..<firstEnd]), sameShapeAs: cellBytes(0))
    }
}

/// Whether two cells are codes of one shape: the same length, ASCII letters and digits only.
private func isCodeLike(_ cell: UnsafeBufferPointer<UInt8>, sameShapeAs other: UnsafeBufferPointer<UInt8>) -> Bool {
    func alphanumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }
    return cell.count == other.count && alphanumeric(cell) && alphanumeric(other)
}

/// The length of the line break `bytes` end with (LF, CRLF or CR), or 0.
func trailingLineBreakLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let last = bytes.last else { return 0 }
    if last == 0x0A { return bytes.count >= 2 && bytes[bytes.count - 2] == 0x0D ? 2 : 1 }
    return last == 0x0D ? 1 : 0
}

/// The offset of the first line break (LF or CR) in `bytes`, or nil.
func firstLineBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    bytes.firstIndex { $0 == 0x0A || $0 == 0x0D }
}

/// Physical line breaks in `bytes`: LF, CRLF and lone CR each count once.
func lineBreakCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for (i, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
        count += 1
    }
    return count
}
