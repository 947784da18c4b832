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
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var nextLine = 1
    private var onRow: (RawRow) -> Void = { _ in }

    init() {
        parser = .allocate(capacity: 1)
        let options = UInt8(CSV_REPALL_NL)
        precondition(csv_init(parser, options) == 0, "libcsv could not allocate its parser")
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(64)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// The line the record being read started on (for errors at end of input).
    var currentLine: Int { nextLine }

    /// Whether libcsv is holding a suspiciously long partial record.
    var holdsRunawayRecord: Bool { csv_get_buffer_size(parser) > Self.maximumRecordBytes }

    /// Tokenizes `chunk`, calling `handler` for each completed record.
    func feed(_ chunk: UnsafeRawBufferPointer, handler: (RawRow) -> Void) {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        withoutActuallyEscaping(handler) { escapable in
            onRow = escapable
            defer { onRow = { _ in } }
            let context = Unmanaged.passUnretained(self).toOpaque()
            _ = csv_parse(parser, base, chunk.count, Self.fieldEnded, Self.recordEnded, context)
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
            onRow = escapable
            defer { onRow = { _ in } }
            let context = Unmanaged.passUnretained(self).toOpaque()
            _ = csv_fini(parser, Self.fieldEnded, Self.recordEnded, context)
        }
        return true
    }

    private static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        let tokenizer = Unmanaged<CSVTokenizer>.fromOpaque(context!).takeUnretainedValue()
        if let field, length > 0 {
            tokenizer.bytes.append(contentsOf: UnsafeRawBufferPointer(start: field, count: length))
        }
        tokenizer.ends.append(tokenizer.bytes.count)
    }

    private static let recordEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
        let tokenizer = Unmanaged<CSVTokenizer>.fromOpaque(context!).takeUnretainedValue()
        tokenizer.endRecord(terminator: terminator)
    }

    private func endRecord(terminator: Int32) {
        let lineBreak: Int = terminator == 0x0A ? 1 : 0
        if ends.isEmpty {  // a line end outside any record: a blank line or the LF of a CRLF
            nextLine += lineBreak
            return
        }
        let line = nextLine
        var embedded = 0
        for b in bytes where b == 0x0A { embedded += 1 }
        bytes.withUnsafeBufferPointer { bytePointer in
            ends.withUnsafeBufferPointer { endPointer in
                onRow(RawRow(line: line, bytes: bytePointer, ends: endPointer))
            }
        }
        nextLine += embedded + lineBreak
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
