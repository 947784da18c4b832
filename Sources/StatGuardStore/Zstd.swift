import CLibZstd
import Foundation

/// One-shot zstd frames over byte buffers (libzstd, Debian's libzstd-dev).
///
/// A low level: a national period's columns compress in a fraction of a second on
/// one core, beside the summaries and reports, and decompress at memory speed.
enum Zstd {
    /// The compression level the store writes with.
    static let level: Int32 = 1

    /// `bytes` as one zstd frame that records its decompressed size.
    static func compress(_ bytes: [UInt8]) -> Data {
        let bound = ZSTD_compressBound(bytes.count)
        var out = Data(count: bound)
        let written = out.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                ZSTD_compress(target.baseAddress, bound, source.baseAddress, source.count, level)
            }
        }
        // Compressing into a buffer of ZSTD_compressBound never fails.
        precondition(ZSTD_isError(written) == 0, "zstd: \(String(cString: ZSTD_getErrorName(written)))")
        out.count = written
        return out
    }

    /// The bytes of the zstd frame in `frame`.
    static func decompress(_ frame: UnsafeRawBufferPointer) throws(ColumnCodecError) -> [UInt8] {
        guard let base = frame.baseAddress else { throw .malformed("empty zstd frame") }
        let size = ZSTD_getFrameContentSize(base, frame.count)
        guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size < UInt64(Int.max) else {
            throw .malformed("zstd frame without a size")
        }
        let count = Int(size)
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let read = ZSTD_decompress(buffer.baseAddress, count, base, frame.count)
            if ZSTD_isError(read) != 0 {
                failure = String(cString: ZSTD_getErrorName(read))
                buffer.initialize(repeating: 0)
            } else if read != count {
                failure = "zstd frame holds \(read) bytes, not \(count)"
                buffer.initialize(repeating: 0)
            }
            initialized = count
        }
        if let failure { throw .malformed(failure) }
        return bytes
    }
}
