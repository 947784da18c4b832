import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash never leaves half a file: the bytes go to a
/// temporary file beside the target (`.<name>.statguard-tmp-<pid>`), which is
/// flushed to disk and then renamed over it. Temporary files of that naming
/// whose process is gone (a run killed mid-write) are removed by the next write
/// into the same folder, so none outlives a rerun.
public enum AtomicFile {
    /// The marker in the names of StatGuard's temporary files and folders.
    public static let temporaryMarker = ".statguard-tmp-"

    /// Writes `bytes` to `path` atomically, creating missing parent folders.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        removeStaleTemporaries(in: folder)
        let temporary = "\(folder)/.\(url.lastPathComponent)\(temporaryMarker)\(getpid())"
        do {
            try writeAndSync(bytes, to: temporary)
            guard rename(temporary, path) == 0 else { throw FileSystemError.current(path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to a new file at `path` and flushes it to disk.
    static func writeAndSync(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError.current(path) }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError.current(path)
                }
                written += n
            }
        }
        guard fsync(fd) == 0 else { throw FileSystemError.current(path) }
    }

    /// Removes files and folders in `folder` named with ``temporaryMarker`` whose process is no longer running.
    public static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            guard let marker = name.range(of: temporaryMarker, options: .backwards),
                  let pid = Int32(name[marker.upperBound...]), !isRunning(pid)
            else { continue }
            try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
        }
    }

    /// Whether a process with this id exists (a permission error still means it does).
    static func isRunning(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }
}

/// A failed system call on a file: the path and the system's reason.
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    /// The error of the last failed system call (`errno`) about `path`.
    static func current(_ path: String) -> FileSystemError {
        FileSystemError(path: path, reason: String(cString: strerror(errno)))
    }

    public var description: String { "\(path): \(reason)" }
}
