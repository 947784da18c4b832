#if canImport(Glibc)
import StatGuardCore
import Glibc
#endif

/// One read of a ``CSVFileStream``: its buffers, decoding state and tokenizer.
final class StreamReader {
    let path: String
    let pinnedEncoding: TextEncoding?
    let chunkSize: Int
    var source: ByteSource
    let tokenizer = CSVTokenizer()
    var summary = StreamSummary()

    /// Raw bytes: the chunk read, after what was carried over (room for an incomplete character).
    private let input: UnsafeMutableRawBufferPointer
    private static let carryRoom = 8
    /// The file offset of `input[0]`.
    var position = 0
    /// Bytes at the start of `input` carried over from the previous chunk.
    var carry = 0
    private var decoded: UnsafeMutableRawBufferPointer?
    private var decoder: GB18030Decoder?
    /// Whether the encoding is known: pinned, a byte-order mark, or decided from the bytes.
    private var encodingSettled: Bool
    private var sawNonASCII = false
    /// Offsets in the file with their line positions, from the start of the record being read on (see `StreamReader+Resync.swift`).
    var checkpoints: [Checkpoint] = []
    private var stopped = false

    init(_ stream: CSVFileStream, source: ByteSource) {
        path = stream.path
        pinnedEncoding = stream.pinnedEncoding
        chunkSize = max(stream.chunkSize, 1)
        self.source = source
        input = .allocate(byteCount: chunkSize + Self.carryRoom, alignment: 16)
        encodingSettled = stream.pinnedEncoding != nil
        if pinnedEncoding == .gb18030 { switchToGB18030() }
    }

    deinit {
        input.deallocate()
        decoded?.deallocate()
    }

    /// Reads the whole source, calling `onRow` for every record until it returns false.
    func run(onRow: (RawRow) -> Bool) throws(IngestError) -> StreamSummary {
        func handle(_ row: RawRow) {
            if !stopped && !onRow(row) { stopped = true }
        }
        try readChunks(handle)
        return summary
    }

    private func readChunks(_ handler: (RawRow) -> Void) throws(IngestError) {
        var first = true
        while !stopped {
            let got = source.read(into: input.baseAddress! + carry, count: chunkSize)
            if got < 0 { throw IngestError(file: path, reason: .unreadable(String(cString: strerror(errno)))) }
            let total = carry + got
            summary.bytesRead = max(summary.bytesRead, position + total)
            let atEnd = got == 0
            var start = 0
            if first {
                // Signatures and the byte-order mark need the first bytes together, whatever the chunk size.
                if total < CSVFileStream.signatureBytes && !atEnd {
                    carry = total
                    continue
                }
                first = false
                start = try readSignature(UnsafeRawBufferPointer(rebasing: input[0..<total]))
                checkpoints = [Checkpoint(offset: start, lines: LinePosition())]
            }
            let chunk = UnsafeRawBufferPointer(rebasing: input[start..<total])
            let (consumed, cutAt) = try decodeAndFeed(chunk, at: position + start, handler: handler)
            if let line = cutAt {
                try restart(at: line)
                continue
            }
            position += start + consumed
            carry = total - start - consumed
            addCheckpoint(at: position)
            if atEnd {
                if carry > 0 {
                    throw IngestError(file: path, reason: .undecodable(
                        line: tokenizer.position.lineOfNextNonLF, tried: "the file ends inside a multi-byte character"))
                }
                if let line = tokenizer.finish(handler: handler) {
                    try restart(at: line)
                    continue
                }
                return
            }
            if carry > 0 { memmove(input.baseAddress!, input.baseAddress! + start + consumed, carry) }
        }
    }

    /// Checks the first bytes: not another format, not empty; returns the length of a byte-order mark.
    private func readSignature(_ head: UnsafeRawBufferPointer) throws(IngestError) -> Int {
        if head.isEmpty { throw IngestError(file: path, reason: .empty) }
        if let what = CSVFileStream.notCSV(head) { throw IngestError(file: path, reason: .notCSV(what)) }
        guard head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF else { return 0 }
        summary.hadByteOrderMark = true
        encodingSettled = true
        if decoder != nil {
            decoder = nil
            decoded?.deallocate()
            decoded = nil
            summary.encoding = .utf8
        }
        return 3
    }

    /// Decodes `chunk` (at file offset `offset`) and feeds it to the tokenizer.
    /// Returns the raw bytes consumed (an incomplete character at the end is left), or the line to restart at.
    private func decodeAndFeed(
        _ chunk: UnsafeRawBufferPointer, at offset: Int, handler: (RawRow) -> Void
    ) throws(IngestError) -> (consumed: Int, cutAt: Int?) {
        if decoder == nil {
            let scan = scanUTF8(chunk)
            // GB18030 text often holds a few byte pairs that happen to be valid UTF-8, but
            // not a long run of them: a long valid run means UTF-8 with a damaged byte.
            let undecided = !encodingSettled && !sawNonASCII && scan.multibyteCount < CSVFileStream.utf8RunThatProvesUTF8
            if undecided {
                var invalid = scan.invalidAt.map { offset + $0 }
                if invalid == nil && scan.multibyteCount > 0 {
                    invalid = invalidUTF8Ahead(from: offset + scan.validPrefix, multibyteSoFar: scan.multibyteCount)
                }
                if let invalid {
                    encodingSettled = true
                    if readsBetterAsGB18030(from: offset, firstInvalid: invalid) { switchToGB18030() }
                }
            }
            if decoder == nil {
                sawNonASCII = sawNonASCII || scan.multibyteCount > 0
                let ready = UnsafeRawBufferPointer(rebasing: chunk[0..<scan.validPrefix])
                if let line = tokenizer.feed(ready, handler: handler) { return (0, line) }
                if scan.invalidAt != nil {
                    throw IngestError(file: path, reason: .undecodable(line: tokenizer.position.lineOfNextNonLF, tried: "read as UTF-8"))
                }
                return (scan.validPrefix, nil)
            }
        }
        let gb = decoder!
        let out = decoded!
        switch Result(catching: { () throws(GB18030Decoder.Failure) in try gb.decode(chunk, into: out) }) {
        case .success(let (used, written)):
            return (used, tokenizer.feed(UnsafeRawBufferPointer(rebasing: out[0..<written]), handler: handler))
        case .failure(.invalidSequence(_, let written)):
            if let line = tokenizer.feed(UnsafeRawBufferPointer(rebasing: out[0..<written]), handler: handler) { return (0, line) }
            throw IngestError(file: path, reason: .undecodable(line: tokenizer.position.lineOfNextNonLF, tried: "read as GB18030"))
        }
    }

    private func switchToGB18030() {
        summary.encoding = .gb18030
        decoder = GB18030Decoder()
        decoded = .allocate(byteCount: 2 * (chunkSize + Self.carryRoom), alignment: 16)
    }

    /// Resets decoding for bytes read afresh from a line start.
    func resetDecoder() {
        decoder?.reset()
    }
}
