#if canImport(Glibc)
import StatGuardCore
import Glibc
#endif

/// What reading one file's bytes found out, besides its records.
public struct StreamSummary: Sendable {
    /// Bytes read from disk.
    public var bytesRead: Int = 0
    /// The encoding the file was read in.
    public var encoding: TextEncoding = .utf8
    /// Whether the file started with a UTF-8 byte-order mark.
    public var hadByteOrderMark = false
}

/// Streams a CSV file through decoding and the libcsv tokenizer with a fixed-size buffer.
///
/// Encoding: a UTF-8 byte-order mark means UTF-8; otherwise bytes are read as
/// UTF-8 until the first byte that is not valid UTF-8, which switches the file
/// to GB18030 if no run of UTF-8 characters was read before it (ASCII is the
/// same in both, and nothing but ASCII has been passed on yet). A chunk with too
/// few multi-byte characters to tell is decided by reading ahead in the file, so
/// the chunk size never changes the decision. A pinned encoding skips the detection. Bytes valid in neither
/// stop the file with their line number. Memory stays at the chunk buffers plus
/// the longest record, whatever the file size.
public struct CSVFileStream: Sendable {
    public var path: String
    public var pinnedEncoding: TextEncoding?
    public var chunkSize: Int

    public init(path: String, pinnedEncoding: TextEncoding? = nil, chunkSize: Int = 1 << 20) {
        self.path = path
        self.pinnedEncoding = pinnedEncoding
        self.chunkSize = chunkSize
    }

    /// Valid multi-byte UTF-8 characters before the first invalid byte that make a file UTF-8, not GB18030.
    static let utf8RunThatProvesUTF8 = 12

    /// Bytes the first chunk must hold before signatures and the byte-order mark are looked for.
    static let signatureBytes = 4

    /// Reads the file, calling `onRow` for every record (the header included).
    /// `onRow` returns false to stop reading.
    public func read(onRow: (RawRow) -> Bool) throws(IngestError) -> StreamSummary {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IngestError(file: path, reason: .unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }

        let carryRoom = 8
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize + carryRoom, alignment: 16)
        defer { input.deallocate() }
        var decoded: UnsafeMutableRawBufferPointer?
        defer { decoded?.deallocate() }
        var decoder: GB18030Decoder?

        var summary = StreamSummary()
        let tokenizer = CSVTokenizer()
        var stopped = false
        func handle(_ row: RawRow) {
            if !stopped && !onRow(row) { stopped = true }
        }
        var carry = 0
        var first = true
        var sawNonASCII = false
        var linesBefore = 1  // physical line of the first byte in `input`

        func switchToGB18030() {
            summary.encoding = .gb18030
            decoder = GB18030Decoder()
            decoded = .allocate(byteCount: 2 * (chunkSize + carryRoom), alignment: 16)
        }
        if pinnedEncoding == .gb18030 { switchToGB18030() }

        while !stopped {
            let got = Glibc.read(fd, input.baseAddress! + carry, chunkSize)
            if got < 0 { throw IngestError(file: path, reason: .unreadable(String(cString: strerror(errno)))) }
            summary.bytesRead += got
            let total = carry + got
            let atEnd = got == 0
            var start = 0
            if first {
                // Signatures and the byte-order mark need the first bytes together, whatever the chunk size.
                if total < Self.signatureBytes && !atEnd {
                    carry = total
                    continue
                }
                first = false
                if total == 0 { throw IngestError(file: path, reason: .empty) }
                let head = UnsafeRawBufferPointer(rebasing: input[0..<total])
                if let what = Self.notCSV(head) { throw IngestError(file: path, reason: .notCSV(what)) }
                if total >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
                    summary.hadByteOrderMark = true
                    start = 3
                    if decoder != nil { decoder = nil; decoded?.deallocate(); decoded = nil; summary.encoding = .utf8 }
                }
            }
            var chunk = UnsafeRawBufferPointer(rebasing: input[start..<total])
            var consumed = 0
            if decoder == nil {
                let scan = scanUTF8(chunk)
                // GB18030 text often holds a few byte pairs that happen to be valid UTF-8, but
                // not a long run of them: a long valid run means UTF-8 with a damaged byte.
                let undecided = pinnedEncoding == nil && !sawNonASCII && scan.multibyteCount < Self.utf8RunThatProvesUTF8
                if let bad = scan.invalidAt, !undecided {
                    let line = linesBefore + countNewlines(UnsafeRawBufferPointer(rebasing: chunk[0..<bad]))
                    throw IngestError(file: path, reason: .undecodable(line: line, tried: "read as UTF-8"))
                } else if undecided && (scan.invalidAt != nil || (scan.multibyteCount > 0 && Self.invalidUTF8Ahead(
                    fd: fd, offset: summary.bytesRead - total + start + scan.validPrefix, multibyteSoFar: scan.multibyteCount)))
                {
                    switchToGB18030()
                } else {
                    sawNonASCII = sawNonASCII || scan.multibyteCount > 0
                    let ready = UnsafeRawBufferPointer(rebasing: chunk[0..<scan.validPrefix])
                    tokenizer.feed(ready, handler: handle)
                    consumed = scan.validPrefix
                }
            }
            if let gb = decoder, let out = decoded {
                switch Result(catching: { () throws(GB18030Decoder.Failure) in try gb.decode(chunk, into: out) }) {
                case .success(let (used, written)):
                    tokenizer.feed(UnsafeRawBufferPointer(rebasing: out[0..<written]), handler: handle)
                    consumed = used
                case .failure(.invalidSequence(let offset)):
                    let line = linesBefore + countNewlines(UnsafeRawBufferPointer(rebasing: chunk[0..<offset]))
                    throw IngestError(file: path, reason: .undecodable(line: line, tried: "read as GB18030"))
                }
            }
            chunk = UnsafeRawBufferPointer(rebasing: chunk[0..<consumed])
            linesBefore += countNewlines(chunk)
            if tokenizer.holdsRunawayRecord {
                throw IngestError(file: path, reason: .unterminatedQuote(line: tokenizer.currentLine))
            }
            carry = total - start - consumed
            if atEnd {
                if carry > 0 {
                    throw IngestError(file: path, reason: .undecodable(
                        line: linesBefore, tried: "the file ends inside a multi-byte character"))
                }
                break
            }
            if carry > 0 {
                (input.baseAddress! + start + consumed).withMemoryRebound(to: UInt8.self, capacity: carry) { from in
                    input.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: carry) { to in
                        to.update(from: from, count: carry)
                    }
                }
            }
        }
        if !stopped && !tokenizer.finish(handler: handle) {
            throw IngestError(file: path, reason: .unterminatedQuote(line: tokenizer.currentLine))
        }
        return summary
    }

    /// What the first bytes look like when they are clearly not a CSV file, or nil.
    static func notCSV(_ head: UnsafeRawBufferPointer) -> String? {
        if head.count >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04 {
            return "it is a zip archive, probably an Excel .xlsx workbook; save it as CSV"
        }
        if head.count >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0 {
            return "it is an old Excel .xls workbook; save it as CSV"
        }
        if head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) {
            return "it is UTF-16 text (Excel's \"Unicode text\"); save it as CSV UTF-8 or GB18030"
        }
        if head.prefix(4096).contains(0) {
            return "it holds binary data (NUL bytes)"
        }
        return nil
    }
}
