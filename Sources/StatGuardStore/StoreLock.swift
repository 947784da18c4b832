#if canImport(Glibc)
import StatGuardCore
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on `<store>.lock`, held by the one run
/// that writes the store. A second run is refused at once with a clear message
/// instead of waiting on SQLite or interleaving its writes.
///
/// The lock file sits beside the store's real file, symbolic links and `..`
/// resolved, so two paths to one store (a symlink, a relative path) take the same lock.
final class StoreLock {
    private let descriptor: Int32

    /// Takes the lock, or throws ``StoreError/Reason/busy`` when another process holds it.
    init(storePath: String) throws(StoreError) {
        let fd = open(Self.resolved(storePath) + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError(path: storePath, reason: .unusable("cannot create its lock file: \(String(cString: strerror(errno)))"))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw StoreError(path: storePath, reason: .busy)
        }
        descriptor = fd
    }

    /// The store file's canonical path: the file's own when it exists (following
    /// links), else its folder's canonical path with the file name.
    static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let real = realpath(folder.isEmpty ? "/" : folder, nil) else { return path }
        defer { free(real) }
        return String(cString: real) + "/" + name
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
