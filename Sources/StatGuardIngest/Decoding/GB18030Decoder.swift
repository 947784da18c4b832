import StatGuardCore
import CLibCSV
#if canImport(Glibc)
import Glibc
#endif

/// Streams GB18030 (GBK, GB2312) bytes to UTF-8 with glibc `iconv`.
final class GB18030Decoder {
    /// Why a chunk could not be decoded.
    enum Failure: Error {
        /// Bytes at this input offset are not GB18030; `written` bytes before them were converted.
        case invalidSequence(offset: Int, written: Int)
    }

    private let descriptor: iconv_t

    init() {
        descriptor = iconv_open("UTF-8", "GB18030")
        precondition(descriptor != iconv_t(bitPattern: -1), "glibc iconv has no GB18030 converter")
    }

    deinit { iconv_close(descriptor) }

    /// Returns to the initial state, for input that starts afresh (at a line start).
    func reset() {
        _ = iconv(descriptor, nil, nil, nil, nil)
    }

    /// Converts as much of `input` as forms complete characters into `output`.
    ///
    /// Returns how many input bytes were consumed and output bytes written; an
    /// incomplete character at the end of `input` is left unconsumed. `output`
    /// must hold at least twice `input.count` bytes (GB18030 → UTF-8 grows at most 2×).
    func decode(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(Failure) -> (consumed: Int, written: Int) {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return (0, 0) }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: CChar.self))
        var outPtr: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var outLeft = output.count
        let result = iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
        let consumed = input.count - inLeft
        let written = output.count - outLeft
        if result == -1 {
            switch errno {
            case EINVAL: break  // incomplete character at the end: carried over
            case EILSEQ: throw .invalidSequence(offset: consumed, written: written)
            default: preconditionFailure("iconv output buffer too small (errno \(errno))")
            }
        }
        return (consumed, written)
    }
}
