import Foundation

/// A fresh temporary folder for one test's files, removed with everything in it
/// when the last reference goes away.
///
/// Each folder has a unique name, so tests running in parallel never share files.
public final class FixtureFolder: @unchecked Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Creates an empty folder under the system's temporary directory.
    public init(_ label: String = "fixture") throws {
        let base = NSTemporaryDirectory()
        path = (base as NSString).appendingPathComponent("statguard-tests-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the folder (the file need not exist).
    public func path(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes `bytes` to `name` and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes CSV text to `name` in the given encoding and line ending, and returns the file's path.
    ///
    /// `text` uses `\n` line ends; ``LineEnding/crlf`` turns every one into `\r\n`,
    /// those inside quoted fields included, as Excel does.
    @discardableResult
    public func write(
        _ name: String, text: String, encoding: FixtureEncoding = .utf8, lineEnding: LineEnding = .lf
    ) throws -> String {
        try write(name, bytes: FixtureBytes.encode(text, encoding: encoding, lineEnding: lineEnding))
    }

    /// The bytes of the file `name` in the folder.
    public func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }
}
