#if canImport(Glibc)
import Glibc
#endif

/// Where a stream's bytes come from: an open file, or bytes already in memory.
///
/// Reads go on from a position, which ``seek(to:)`` moves back for a reader
/// that must read a stretch again; reads at an offset look ahead without moving.
struct ByteSource {
    private let descriptor: Int32
    private let memory: UnsafeRawBufferPointer?
    private var offset = 0

    /// An open file (or pipe), read from where it stands.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        memory = nil
    }

    /// Bytes in memory, read from the first.
    init(memory: UnsafeRawBufferPointer) {
        descriptor = -1
        self.memory = memory
    }

    /// Reads up to `count` bytes into `buffer` and moves on; 0 at the end, -1 on an error (see `errno`).
    mutating func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        guard let memory else { return Glibc.read(descriptor, buffer, count) }
        let got = copy(from: memory, at: offset, into: buffer, count: count)
        offset += got
        return got
    }

    /// Reads up to `count` bytes at `offset` without moving; 0 past the end, -1 when the
    /// source cannot be read at an offset (a pipe).
    func read(at offset: Int, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        guard let memory else { return pread(descriptor, buffer, count, off_t(offset)) }
        return copy(from: memory, at: offset, into: buffer, count: count)
    }

    /// Moves the position to `offset`; false when the source cannot (a pipe).
    mutating func seek(to offset: Int) -> Bool {
        guard memory != nil else { return lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) }
        self.offset = offset
        return true
    }

    private func copy(from memory: UnsafeRawBufferPointer, at offset: Int, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        let got = max(0, min(count, memory.count - offset))
        if got > 0 { buffer.copyMemory(from: memory.baseAddress! + offset, byteCount: got) }
        return got
    }
}
