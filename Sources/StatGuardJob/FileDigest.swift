import StatGuardCore
import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// Size and SHA-256 of an input file, recorded with each load.
struct FileDigest: Sendable {
    var size: Int
    var sha256: String

    /// Reads the file in 1 MiB chunks; nil when it cannot be read.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size = 0
        while true {
            let got = read(fd, buffer.baseAddress!, buffer.count)
            if got < 0 { return nil }
            if got == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            size += got
        }
        self.size = size
        sha256 = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
