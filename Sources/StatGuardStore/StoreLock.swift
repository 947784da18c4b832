#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on `<store>.lock`, held by the one run
/// that writes the store. A second run is refused at once with a clear message
/// instead of waiting on SQLite or interleaving its writes.
final class StoreLock {
    private let descriptor: Int32

    /// Takes the lock, or throws ``StoreError/Reason/busy`` when another process holds it.
    init(storePath: String) throws(StoreError) {
        let fd = open(storePath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError(path: storePath, reason: .unusable("cannot create its lock file: \(String(cString: strerror(errno)))"))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw StoreError(path: storePath, reason: .busy)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
