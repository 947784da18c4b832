#if canImport(Glibc)
import StatGuardCore
import Glibc
#endif

extension CSVFileStream {
    /// How far ahead ``invalidUTF8Ahead(fd:offset:multibyteSoFar:)`` looks: as far as one default chunk.
    static let lookaheadLimit = 1 << 20

    /// Whether, reading on from `offset` without moving the stream, a byte that
    /// is not UTF-8 comes before the multi-byte characters (counting
    /// `multibyteSoFar` already seen) reach ``utf8RunThatProvesUTF8``.
    ///
    /// Decides the encoding when a chunk held only a few multi-byte characters,
    /// all valid UTF-8 (as GB18030 pairs often are), so that a small chunk decides
    /// as a large one would. Looks at most ``lookaheadLimit`` bytes; a file that
    /// cannot be read at an offset (a pipe) counts as UTF-8.
    static func invalidUTF8Ahead(fd: Int32, offset: Int, multibyteSoFar: Int) -> Bool {
        let block = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block + 8, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        var kept = 0  // an incomplete sequence carried to the next block
        var multibyte = multibyteSoFar
        while position - offset < lookaheadLimit {
            let got = pread(fd, buffer.baseAddress! + kept, block, off_t(position))
            if got <= 0 { return false }
            position += got
            let scan = scanUTF8(UnsafeRawBufferPointer(rebasing: buffer[0..<(kept + got)]))
            multibyte += scan.multibyteCount
            if multibyte >= utf8RunThatProvesUTF8 { return false }
            if scan.invalidAt != nil { return true }
            kept = kept + got - scan.validPrefix
            if kept > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + scan.validPrefix, kept) }
        }
        return false
    }
}
