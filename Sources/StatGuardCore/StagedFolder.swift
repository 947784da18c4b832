import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder whose files are replaced as a set: they are written into a hidden
/// staging folder beside it (`.<name>.statguard-tmp-<pid>`), which takes the
/// folder's place in one atomic exchange (`renameat2(RENAME_EXCHANGE)`) only
/// when ``publish()`` is called. Until then the folder keeps its old files; a
/// crash at any point leaves either the old set or the new one, never a mix,
/// and the staging folders of dead processes are removed by the next ``prepare()``.
public struct StagedFolder: Sendable {
    /// The folder readers see.
    public let path: String
    /// Where the new files are written before ``publish()``.
    public let staging: String
    /// Where the old files go for a moment on a file system without an atomic exchange.
    private let aside: String

    public init(path: String) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(url.lastPathComponent)\(AtomicFile.temporaryMarker)\(getpid())").path
        aside = parent.appendingPathComponent(".\(url.lastPathComponent)-old\(AtomicFile.temporaryMarker)\(getpid())").path
    }

    /// Creates a fresh, empty staging folder (and the parent folders), after removing stale ones.
    /// Throws when the location cannot be written: call it before committing anything else.
    public func prepare() throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError(path: parent, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        AtomicFile.removeStaleTemporaries(in: parent)
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else { throw FileSystemError.current(staging) }
    }

    /// Writes `bytes` as `name` in the staging folder, flushed to disk.
    public func write(_ name: String, _ bytes: [UInt8]) throws {
        try AtomicFile.writeAndSync(bytes, to: "\(staging)/\(name)")
    }

    /// Puts the staged files in place of the folder's in one step, then removes the old ones.
    public func publish() throws {
        if access(path, F_OK) != 0 {
            guard rename(staging, path) == 0 else { throw FileSystemError.current(path) }
            return
        }
        if Self.exchange(staging, path) != 0 {
            // No atomic exchange on this file system: move the old folder aside, then the new one in.
            guard rename(path, aside) == 0 else { throw FileSystemError.current(path) }
            guard rename(staging, path) == 0 else {
                let failure = FileSystemError.current(path)
                _ = rename(aside, path)
                throw failure
            }
            try? FileManager.default.removeItem(atPath: aside)
            return
        }
        try? FileManager.default.removeItem(atPath: staging)  // now holding the old files
    }

    /// Removes the staging folder and what was written into it; the folder is untouched.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, which Swift's Glibc module does not export; nil on a C library without it.
    private static let renameAt2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 2

    /// Swaps two existing paths atomically; non-zero when the system cannot.
    private static func exchange(_ a: String, _ b: String) -> Int32 {
        guard let renameAt2 else { return -1 }
        return renameAt2(AT_FDCWD, a, AT_FDCWD, b, renameExchange)
    }
}
