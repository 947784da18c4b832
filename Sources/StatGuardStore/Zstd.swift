import CLibZstd
import Foundation

/// One-shot zstd frames over byte buffers (libzstd, Debian's libzstd-dev).
///
/// A low level: a national period's columns compress in a fraction of a second on
/// one core, beside the summaries and reports, and decompress at memory speed.
enum Zstd {
    /// The compression level the store writes with.
    static let level: Int32 = 1

    /// `bytes` as one zstd frame that records its decompressed size; with `prefix`, matches may
    /// point into it (the decompressor needs the same prefix).
    static func compress(_ bytes: [UInt8], prefix: [UInt8]? = nil) -> Data {
        let bound = ZSTD_compressBound(bytes.count)
        var out = Data(count: bound)
        let context = ZSTD_createCCtx()
        defer { ZSTD_freeCCtx(context) }
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
        let written = out.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                (prefix ?? []).withUnsafeBytes { reference in
                    if let prefix {
                        // A window over prefix and input, with long-distance matching: a row's
                        // counterpart in the prefix may be megabytes back.
                        ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, windowLog(prefix.count + bytes.count))
                        ZSTD_CCtx_setParameter(context, ZSTD_c_enableLongDistanceMatching, 1)
                        ZSTD_CCtx_refPrefix(context, reference.baseAddress, prefix.count)
                    }
                    return ZSTD_compress2(context, target.baseAddress, bound, source.baseAddress, source.count)
                }
            }
        }
        // Compressing into a buffer of ZSTD_compressBound never fails.
        precondition(ZSTD_isError(written) == 0, "zstd: \(String(cString: ZSTD_getErrorName(written)))")
        out.count = written
        return out
    }

    /// The bytes of the zstd frame in `frame`, compressed with `prefix` if it was.
    static func decompress(_ frame: UnsafeRawBufferPointer, prefix: [UInt8]? = nil) throws(ColumnCodecError) -> [UInt8] {
        guard let base = frame.baseAddress else { throw .malformed("empty zstd frame") }
        let size = ZSTD_getFrameContentSize(base, frame.count)
        guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size < UInt64(Int.max) else {
            throw .malformed("zstd frame without a size")
        }
        let count = Int(size)
        let context = ZSTD_createDCtx()
        defer { ZSTD_freeDCtx(context) }
        ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, maxWindowLog)
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let read = (prefix ?? []).withUnsafeBytes { reference in
                if let prefix { ZSTD_DCtx_refPrefix(context, reference.baseAddress, prefix.count) }
                return ZSTD_decompressDCtx(context, buffer.baseAddress, count, base, frame.count)
            }
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

    /// The largest window a frame may use: 2 GiB, beyond any column's prefix and body.
    private static let maxWindowLog: Int32 = 31

    /// The window log covering `bytes` (at least zstd's level-1 default, at most ``maxWindowLog``).
    private static func windowLog(_ bytes: Int) -> Int32 {
        var log: Int32 = 19
        while log < maxWindowLog && (1 << log) < bytes { log += 1 }
        return log
    }
}
