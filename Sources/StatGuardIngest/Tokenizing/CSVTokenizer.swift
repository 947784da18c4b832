import StatGuardCore
import CLibCSV
#if canImport(Glibc)
import Glibc
#endif

/// RFC 4180 tokenizer on libcsv that tracks the physical lines of each record.
///
/// Feed it UTF-8 bytes in chunks of any size; it calls the handler once per
/// record. Input is handed to libcsv one physical line at a time (lines end
/// with LF, CRLF or a lone CR), so the tokenizer always knows the line it is
/// on: a record starts on the line where libcsv began it, and spans to the
/// line of its terminator, whatever line breaks its quoted fields hold.
///
/// Two kinds of input cannot be read as they stand; their records come with a
/// ``RecordProblem`` and reading goes on:
/// - A quoted field that runs away (a stray `"` opening a field that should not
///   be quoted) swallows the lines after it. It is detected when the field holds
///   line breaks and what follows the first reads as records of this file (see
///   `CSVTokenizer+Runaway.swift`); the record is cut at that line end and
///   ``feed(_:handler:)`` returns the line to restart at.
/// - A record over ``maximumRecordBytes`` (or ``maximumRecordCells``) is kept
///   truncated; libcsv's field buffer is capped at the same size.
///
/// Memory is bounded by ``maximumRecordBytes``, not by the input.
final class CSVTokenizer {
    /// The longest record read as it stands, counting its cells' bytes and one per cell.
    static let maximumRecordBytes = 4 << 20
    /// The most cells a record may have.
    static let maximumRecordCells = 1 << 16
    /// How many bytes of a record over the limits are kept, for the quarantine.
    static let keptBytesOfLongRecord = 64 << 10
    /// How many cells of a record over the limits are kept, for the quarantine.
    static let keptCellsOfLongRecord = 1 << 10

    private let parser: UnsafeMutablePointer<csv_parser>
    /// The record being read, shared with libcsv's callbacks.
    let record: UnsafeMutablePointer<RecordAssembly>
    /// The quoted field being read when it already spans a line break.
    var openField: OpenField?

    init() {
        parser = .allocate(capacity: 1)
        precondition(csv_init(parser, UInt8(CSV_REPALL_NL)) == 0, "libcsv could not allocate its parser")
        csv_set_realloc_func(parser, cappedReallocate)
        csv_set_blk_size(parser, 64 << 10)
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

    /// Where reading stands among the physical lines.
    var position: LinePosition { record.pointee.lines }

    /// The line the record being read (or the next one) starts on.
    var recordStartLine: Int { record.pointee.startLine }

    /// Bytes held in the tokenizer's buffers: bounded by the record limits, whatever the input.
    var heldBytes: Int { csv_get_buffer_size(parser) + record.pointee.heldBytes }

    /// Tokenizes `chunk`, calling `handler` for each completed record.
    ///
    /// Returns nil when the whole chunk was read. Returns a line when a record
    /// was cut short there: the rest of the chunk is left unread, and reading
    /// must go on with ``restart(at:)`` from that line's first byte.
    func feed(_ chunk: UnsafeRawBufferPointer, handler: (RawRow) -> Void) -> Int? {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), !chunk.isEmpty else { return nil }
        return withoutActuallyEscaping(handler) { escapable in
            record.pointee.onRow = escapable
            defer { record.pointee.onRow = nil }
            return feedLines(base, chunk.count)
        }
    }

    /// Ends the input. Returns a line to restart at, as ``feed(_:handler:)`` does,
    /// when the input ends inside a quoted field that spans line breaks.
    func finish(handler: (RawRow) -> Void) -> Int? {
        withoutActuallyEscaping(handler) { escapable in
            record.pointee.onRow = escapable
            defer { record.pointee.onRow = nil }
            record.pointee.lines.pendingCR = false  // a final CR ends the last line; no line follows it
            if isInQuotedField {
                if let line = cutAtOpenFieldIfSpanning() { return line }
                // The file ends inside a quoted field on the record's last line: keep what there is.
                record.pointee.appendOpenField(openFieldBytes)
                let lineCount = record.pointee.lines.line - record.pointee.startLine + 1
                record.pointee.deliver(lineCount: lineCount, problem: .unclosedQuote(column: record.pointee.cells - 1, runsIntoNextLines: false))
                _ = csv_fini(parser, nil, nil, nil)
                return nil
            }
            _ = csv_fini(parser, Self.fieldEnded, Self.recordEnded, UnsafeMutableRawPointer(record))
            return record.pointee.resyncLine
        }
    }

    /// Forgets any record in progress and goes on as if the next byte fed were the first of `line`.
    func restart(at line: Int) {
        _ = csv_fini(parser, nil, nil, nil)
        record.pointee.clear()
        record.pointee.resyncLine = nil
        record.pointee.lines = LinePosition(line: line)
        record.pointee.startLine = line
        openField = nil
    }

    // MARK: Lines

    /// Feeds libcsv one physical line at a time, so the line count is exact.
    private func feedLines(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        var i = 0
        var nextLF = -1
        var nextCR = -1
        while i < count {
            if record.pointee.lines.pendingCR {
                record.pointee.lines.pendingCR = false
                if base[i] == 0x0A {  // the LF of a CRLF split between chunks
                    parse(base + i, 1)
                    i += 1
                }
                if let line = lineEnded() { return line }
                continue
            }
            if nextLF < i { nextLF = find(0x0A, base, from: i, count) }
            if nextCR < i { nextCR = find(0x0D, base, from: i, count) }
            let end = min(nextLF, nextCR)
            if end == count {
                parse(base + i, count - i)
                return record.pointee.resyncLine
            }
            var next = end + 1
            if base[end] == 0x0D {
                if next == count {  // CR at the end of the chunk: is it a CRLF?
                    parse(base + i, next - i)
                    record.pointee.lines.pendingCR = true
                    return record.pointee.resyncLine
                }
                if base[next] == 0x0A { next += 1 }
            }
            parse(base + i, next - i)
            i = next
            if let line = record.pointee.resyncLine { return line }
            if let line = lineEnded() { return line }
        }
        return record.pointee.resyncLine
    }

    /// The index of the first `byte` at or after `from`, or `count` when there is none.
    @inline(__always)
    private func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, _ count: Int) -> Int {
        guard let found = memchr(base + from, Int32(byte), count - from) else { return count }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// A physical line ended: the next byte starts the next line.
    private func lineEnded() -> Int? {
        record.pointee.lines.line += 1
        if parser.pointee.pstate == Self.rowNotBegun {
            record.pointee.startLine = record.pointee.lines.line
            return nil
        }
        return openFieldSpansLine()  // the line break was inside a quoted field
    }

    // MARK: libcsv

    /// libcsv's parser states (`libcsv.c`).
    private static let rowNotBegun: Int32 = 0
    private static let fieldBegun: Int32 = 2
    private static let fieldMightHaveEnded: Int32 = 3

    /// Whether libcsv is inside a quoted field (not merely past a quote that may close it).
    var isInQuotedField: Bool { parser.pointee.pstate == Self.fieldBegun && parser.pointee.quoted != 0 }

    /// What libcsv holds of the field it is reading.
    var openFieldBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: parser.pointee.entry_buf, count: parser.pointee.entry_buf == nil ? 0 : parser.pointee.entry_pos)
    }

    private func parse(_ start: UnsafePointer<UInt8>, _ count: Int) {
        var done = 0
        while true {
            done += csv_parse(parser, start + done, count - done, Self.fieldEnded, Self.recordEnded, UnsafeMutableRawPointer(record))
            if done >= count || record.pointee.resyncLine != nil { return }
            fieldBufferFull()
            if record.pointee.resyncLine != nil { return }
        }
    }

    /// libcsv stopped because its field buffer reached ``maximumRecordBytes``: the record is too long.
    ///
    /// Keeps the field's head in the record, then empties libcsv's buffer, leaving
    /// only what its state needs when the field ends (the quote that may close it).
    private func fieldBufferFull() {
        if cutAtOpenFieldIfSpanning() != nil { return }  // a quoted field of megabytes across lines: it ran away
        record.pointee.overflowField(openFieldBytes)
        if parser.pointee.pstate == Self.fieldMightHaveEnded {
            let spaces = min(parser.pointee.spaces, 1)  // libcsv only asks whether there were any
            parser.pointee.spaces = spaces
            parser.pointee.entry_pos = spaces + 1  // libcsv drops the quote and those spaces when the field ends
        } else {
            parser.pointee.spaces = 0  // trailing spaces of an unquoted field: dropped with the rest
            parser.pointee.entry_pos = 0
        }
        parser.pointee.status = 0
    }

    private static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        context!.assumingMemoryBound(to: RecordAssembly.self).pointee.appendField(field, length)
    }

    private static let recordEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        context!.assumingMemoryBound(to: RecordAssembly.self).pointee.endRecord()
    }
}

/// libcsv's buffer growth, refused past ``CSVTokenizer/maximumRecordBytes`` so one field cannot take unbounded memory.
private let cappedReallocate: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { pointer, size in
    size > CSVTokenizer.maximumRecordBytes ? nil : realloc(pointer, size)
}
