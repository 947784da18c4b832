import Foundation

/// Writes files so that a crash never leaves half a file: the bytes go to a
/// temporary file beside the target, which is then renamed over it.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, creating missing parent folders.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}
