/// Where reading stands among a file's physical lines.
///
/// A physical line ends with LF, CRLF or a lone CR (old Mac files): a CR ends
/// its line only once the next byte shows it is not the first half of a CRLF,
/// so a CR at the end of a chunk leaves the position pending. The tokenizer
/// and the stream both count lines this way, so a record's line, the line a
/// read resumes at and the line of an undecodable byte always agree.
struct LinePosition: Equatable {
    /// The physical line (1-based) of the next byte, unless ``pendingCR`` and that byte is LF.
    var line = 1
    /// The last byte was a CR whose line is complete only with the next byte (LF: part of a CRLF).
    var pendingCR = false

    /// The line of the next byte, when that byte is known not to be LF.
    var lineOfNextNonLF: Int { pendingCR ? line + 1 : line }

    /// Moves over `bytes`; returns the index in `bytes` where line `target` starts,
    /// stopping there, or nil when it does not start inside `bytes`.
    ///
    /// A byte at a time: for error and resynchronisation paths, not the hot path.
    mutating func advance(over bytes: UnsafeRawBufferPointer, stoppingAtLine target: Int = .max) -> Int? {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if pendingCR {
                pendingCR = false
                line += 1
                if byte == 0x0A { i += 1 }
                if line == target { return i }
                continue
            }
            i += 1
            if byte == 0x0A {
                line += 1
                if line == target { return i }
            } else if byte == 0x0D {
                pendingCR = true
            }
        }
        return nil
    }
}
