import StatGuardCore
import CLibCSV

/// RFC 4180 tokenizer on libcsv that tracks the physical line of each record.
///
/// Feed it UTF-8 bytes in chunks of any size; it calls `onRow` once per
/// record. libcsv runs with `CSV_REPALL_NL`, so every line end outside a quoted
/// field is reported: a record's start line is one plus the line breaks before
/// it, counting those inside earlier quoted fields, so line numbers stay right
/// after a name with an embedded line break, after CRLF and after blank lines.
/// Memory is bounded by the longest record, not by the input.
final class CSVTokenizer {
    /// The longest record accepted before the input is judged to hold an unbalanced quote.
    static let maximumRecordBytes = 4 << 20

    private let parser: UnsafeMutablePointer<csv_parser>
    /// The record being assembled. libcsv's callbacks reach it through a raw pointer,
    /// so the per-field work has no reference counting and no exclusivity bookkeeping.
    private let record: UnsafeMutablePointer<RecordAssembly>

    init() {
        parser = .allocate(capacity: 1)
        let options = UInt8(CSV_REPALL_NL)
        precondition(csv_init(parser, options) == 0, "libcsv could not allocate its parser")
        record = .allocate(capacity: 1)
        record.initialize(to: RecordAssembly())
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        record.pointee.release()
        record.deinitialize(count: 1)
        record.deallocate()
    }

    /// The line the record being read started on (for errors at end of input).
    var currentLine: Int { record.pointee.nextLine }

    /// Whether libcsv is holding a suspiciously long partial record.
    var holdsRunawayRecord: Bool { csv_get_buffer_size(parser) > Self.maximumRecordBytes }

    /// Tokenizes `chunk`, calling `handler` for each completed record.
    func feed(_ chunk: UnsafeRawBufferPointer, handler: (RawRow) -> Void) {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        withoutActuallyEscaping(handler) { escapable in
            record.pointee.onRow = escapable
            defer { record.pointee.onRow = nil }
            _ = csv_parse(parser, base, chunk.count, Self.fieldEnded, Self.recordEnded, UnsafeMutableRawPointer(record))
        }
    }

    /// libcsv's parser state "inside a field" (`FIELD_BEGUN` in libcsv.c).
    private static let fieldBegun: Int32 = 2

    /// Ends the input. Returns false when it ends inside a quoted field.
    ///
    /// libcsv's own check (`CSV_STRICT_FINI`) only works together with
    /// `CSV_STRICT`, which would also reject the stray quotes spreadsheets
    /// write inside unquoted fields; so the parser's state is read instead: a
    /// quoted field still open (not merely past a quote that may close it).
    func finish(handler: (RawRow) -> Void) -> Bool {
        if parser.pointee.pstate == Self.fieldBegun && parser.pointee.quoted != 0 { return false }
        withoutActuallyEscaping(handler) { escapable in
            record.pointee.onRow = escapable
            defer { record.pointee.onRow = nil }
            _ = csv_fini(parser, Self.fieldEnded, Self.recordEnded, UnsafeMutableRawPointer(record))
        }
        return true
    }

    private static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        context!.assumingMemoryBound(to: RecordAssembly.self).pointee.appendField(field, length)
    }

    private static let recordEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
        context!.assumingMemoryBound(to: RecordAssembly.self).pointee.endRecord(terminator: terminator)
    }
}

/// The fields of the record being read, in growable buffers, and the line bookkeeping.
struct RecordAssembly {
    private var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    private var byteCapacity = 4096
    private var byteCount = 0
    private var ends = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private var endCapacity = 64
    private var endCount = 0
    /// The physical line the next record starts on.
    private(set) var nextLine = 1
    var onRow: ((RawRow) -> Void)?

    mutating func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        if let field, length > 0 {
            if byteCount + length > byteCapacity { grow(bytes: byteCount + length) }
            (bytes + byteCount).update(from: field.assumingMemoryBound(to: UInt8.self), count: length)
            byteCount += length
        }
        if endCount == endCapacity { growEnds() }
        ends[endCount] = byteCount
        endCount += 1
    }

    mutating func endRecord(terminator: Int32) {
        let lineBreak = terminator == 0x0A ? 1 : 0
        if endCount == 0 {  // a line end outside any record: a blank line or the LF of a CRLF
            nextLine += lineBreak
            return
        }
        let line = nextLine
        var embedded = 0
        for i in 0..<byteCount where bytes[i] == 0x0A { embedded += 1 }
        onRow?(RawRow(line: line, bytes: UnsafeBufferPointer(start: bytes, count: byteCount),
                      ends: UnsafeBufferPointer(start: ends, count: endCount)))
        nextLine += embedded + lineBreak
        byteCount = 0
        endCount = 0
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

    /// Frees the buffers.
    func release() {
        bytes.deallocate()
        ends.deallocate()
    }
}
