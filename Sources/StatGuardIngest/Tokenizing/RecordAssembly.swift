/// The record being read: its fields in growable buffers, its lines and its size.
///
/// libcsv's callbacks reach it through a raw pointer, so the per-field work has
/// no reference counting and no exclusivity bookkeeping. A record over the size
/// limits is kept truncated to its first ``CSVTokenizer/keptBytesOfLongRecord``
/// bytes while the rest is only counted, so memory stays bounded whatever the input.
struct RecordAssembly {
    private(set) var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    private var byteCapacity = 4096
    private(set) var byteCount = 0
    private(set) var ends = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private var endCapacity = 64
    private(set) var endCount = 0

    /// Where reading stands among the physical lines: the line of the next byte fed.
    var lines = LinePosition()
    /// The physical line the record being read starts on.
    var startLine = 1
    /// Cells of the record so far, kept or not.
    private(set) var cells = 0
    /// Bytes of the record's cells so far, kept or not.
    private(set) var recordBytes = 0
    /// Whether the record is over the size limits, so kept truncated.
    private(set) var truncated = false
    /// Whether libcsv dropped part of the field being read (its buffer reached the limit).
    private var fieldOverflowed = false
    /// Whether that field's head is kept, as a cell still to close.
    private var overflowedFieldKept = false
    /// Cells of the file's header (its first record with any text); 0 until it is read.
    var headerCells = 0
    /// After a record was cut short: the line reading must restart at. Records are ignored until then.
    var resyncLine: Int?
    var onRow: ((RawRow) -> Void)?

    mutating func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        guard resyncLine == nil else { return }
        cells += 1
        recordBytes += length
        if fieldOverflowed {
            fieldOverflowed = false
            if overflowedFieldKept { closeCell() }
            return
        }
        let source = UnsafeBufferPointer(start: field?.assumingMemoryBound(to: UInt8.self), count: field == nil ? 0 : length)
        if !truncated && (recordBytes + cells > CSVTokenizer.maximumRecordBytes || cells > CSVTokenizer.maximumRecordCells) {
            truncate()
        }
        if truncated {
            if keepsAnotherCell {
                keep(prefixOf: source)
                closeCell()
            }
            return
        }
        append(source)
        closeCell()
    }

    /// libcsv's buffer for the field being read is full: keeps the head of the field and counts the rest.
    mutating func overflowField(_ head: UnsafeBufferPointer<UInt8>) {
        if !fieldOverflowed {
            fieldOverflowed = true
            if !truncated { truncate() }
            overflowedFieldKept = keepsAnotherCell
            if overflowedFieldKept { keep(prefixOf: head) }
        }
        recordBytes += head.count
    }

    /// Appends the head of the field libcsv is still reading as the record's last cell (for a record cut short).
    mutating func appendOpenField(_ head: UnsafeBufferPointer<UInt8>) {
        cells += 1
        recordBytes += head.count
        if fieldOverflowed {
            fieldOverflowed = false
            if overflowedFieldKept { closeCell() }
        } else if !truncated {
            append(head)
            closeCell()
        } else if keepsAnotherCell {
            keep(prefixOf: head)
            closeCell()
        }
    }

    mutating func endRecord() {
        guard resyncLine == nil, cells > 0 else { return }  // no cells: a line end outside any record
        let lineCount = lines.line - startLine + 1
        if lineCount > 1 && !truncated && cutRunawayField() { return }
        deliver(lineCount: lineCount, problem: truncated ? .tooLong(bytes: recordBytes, cells: cells) : nil)
    }

    /// Hands the record to the reader and starts the next one.
    mutating func deliver(lineCount: Int, problem: RecordProblem?) {
        if headerCells == 0 && recordBytes > 0 { headerCells = cells }
        onRow?(RawRow(
            line: startLine, lineCount: lineCount, problem: problem,
            bytes: UnsafeBufferPointer(start: bytes, count: byteCount), ends: UnsafeBufferPointer(start: ends, count: endCount)))
        clear()
    }

    /// Forgets the record being read.
    mutating func clear() {
        byteCount = 0
        endCount = 0
        cells = 0
        recordBytes = 0
        truncated = false
        fieldOverflowed = false
        overflowedFieldKept = false
    }

    /// Keeps only the cells before `field` and the first `length` bytes of `field`.
    mutating func cut(field: Int, keeping length: Int) {
        let start = field == 0 ? 0 : ends[field - 1]
        ends[field] = start + length
        endCount = field + 1
        byteCount = ends[field]
    }

    /// Whether a truncated record still keeps another cell.
    private var keepsAnotherCell: Bool {
        byteCount < CSVTokenizer.keptBytesOfLongRecord && endCount < CSVTokenizer.keptCellsOfLongRecord
    }

    /// Marks the record too long and cuts what is kept to its first bytes and cells.
    private mutating func truncate() {
        truncated = true
        let budget = CSVTokenizer.keptBytesOfLongRecord
        if byteCount > budget {
            var cut = budget
            while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // not inside a character
            var kept = 0
            while kept < endCount && ends[kept] < cut { kept += 1 }
            ends[kept] = cut
            endCount = kept + 1
            byteCount = cut
        }
        if endCount > CSVTokenizer.keptCellsOfLongRecord {
            endCount = CSVTokenizer.keptCellsOfLongRecord
            byteCount = ends[endCount - 1]
        }
    }

    /// Appends as much of `source` as the truncated record's budget allows, ending on a character boundary.
    private mutating func keep(prefixOf source: UnsafeBufferPointer<UInt8>) {
        var length = min(source.count, max(CSVTokenizer.keptBytesOfLongRecord - byteCount, 0))
        if length < source.count {
            while length > 0 && source[length] & 0xC0 == 0x80 { length -= 1 }
        }
        append(UnsafeBufferPointer(rebasing: source[0..<length]))
    }

    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else { return }
        if byteCount + source.count > byteCapacity { grow(bytes: byteCount + source.count) }
        (bytes + byteCount).update(from: base, count: source.count)
        byteCount += source.count
    }

    private mutating func closeCell() {
        if endCount == endCapacity { growEnds() }
        ends[endCount] = byteCount
        endCount += 1
    }

    private mutating func grow(bytes needed: Int) {
        let capacity = max(needed, byteCapacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = larger
        byteCapacity = capacity
    }

    private mutating func growEnds() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
        larger.update(from: ends, count: endCount)
        ends.deallocate()
        ends = larger
        endCapacity *= 2
    }

    /// Bytes of the buffers.
    var heldBytes: Int { byteCapacity + endCapacity * MemoryLayout<Int>.stride }

    /// Frees the buffers.
    func release() {
        bytes.deallocate()
        ends.deallocate()
    }
}
