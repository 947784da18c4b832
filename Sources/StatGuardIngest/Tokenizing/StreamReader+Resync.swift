/// A file offset whose line position is known: where a search for a line's first byte can start.
struct Checkpoint {
    var offset: Int
    var lines: LinePosition
}

/// Reading on after a record was cut short: going back to the first byte of the line after the cut.
///
/// After each chunk the reader notes the offset reached with its line position.
/// Only the notes from the start of the record being read on are kept (a record
/// is at most ``CSVTokenizer/maximumRecordBytes`` long, or cut sooner), so
/// finding the line means reading forward from the last note before it.
extension StreamReader {
    /// Notes that `offset` is where the tokenizer's line position stands, dropping notes no longer needed.
    func addCheckpoint(at offset: Int) {
        checkpoints.append(Checkpoint(offset: offset, lines: tokenizer.position))
        let recordStart = tokenizer.recordStartLine
        var unneeded = 0
        while unneeded + 1 < checkpoints.count && checkpoints[unneeded + 1].lines.line <= recordStart { unneeded += 1 }
        if unneeded > 0 { checkpoints.removeFirst(unneeded) }
    }

    /// Goes back to the first byte of physical line `line` and reads on from there as from a line start.
    func restart(at line: Int) throws(IngestError) {
        guard let from = checkpoints.last(where: { $0.lines.line < line }) else {
            preconditionFailure("no checkpoint before line \(line)")
        }
        let brokenLine = tokenizer.recordStartLine
        guard let offset = offsetOfLine(line, from: from), source.seek(to: offset) else {
            // A pipe cannot be read again: the rest of the file is lost in the quoted field.
            throw IngestError(file: path, reason: .unterminatedQuote(line: brokenLine))
        }
        position = offset
        carry = 0
        tokenizer.restart(at: line)
        resetDecoder()
        checkpoints = [Checkpoint(offset: offset, lines: LinePosition(line: line))]
    }

    /// The file offset where `line` starts (the end of the file when it starts there), reading on from `from`;
    /// nil when the source cannot be read at an offset.
    private func offsetOfLine(_ line: Int, from: Checkpoint) -> Int? {
        let block = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
        defer { buffer.deallocate() }
        var lines = from.lines
        var offset = from.offset
        while true {
            let got = source.read(at: offset, into: buffer.baseAddress!, count: block)
            if got < 0 { return nil }
            if got == 0 { return offset }
            if let index = lines.advance(over: UnsafeRawBufferPointer(rebasing: buffer[0..<got]), stoppingAtLine: line) {
                return offset + index
            }
            offset += got
        }
    }
}
