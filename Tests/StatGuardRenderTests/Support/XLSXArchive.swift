import Foundation
import Testing

/// Reads the parts of an .xlsx file with `/usr/bin/unzip` (installed by scripts/ensure-deps.sh).
enum XLSXArchive {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of the zip entry `entry` (e.g. `xl/worksheets/sheet1.xml`).
    static func entry(_ xlsx: [UInt8], _ entry: String) throws -> String {
        try withFile(xlsx) { path in try run(["-p", path, entry]) }
    }

    /// The entry names, in archive order.
    static func entries(_ xlsx: [UInt8]) throws -> [String] {
        try withFile(xlsx) { path in try run(["-Z1", path]) }.split(separator: "\n").map(String.init)
    }

    /// `zipinfo -T` of the archive: one line per entry with its date as `yyyymmdd.hhmmss`.
    static func listing(_ xlsx: [UInt8]) throws -> [String] {
        try withFile(xlsx) { path in try run(["-Z", "-T", path]) }.split(separator: "\n").map(String.init)
    }

    /// `body` with `xlsx` written to a temporary file.
    static func withFile<T>(_ xlsx: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "/statguard-render-test-\(UUID().uuidString).xlsx"
        _ = FileManager.default.createFile(atPath: path, contents: Data(xlsx))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    private static func run(_ arguments: [String]) throws -> String {
        let unzip = ["/usr/bin/unzip", "/bin/unzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let unzip else { throw Failure(description: "unzip is not installed: run scripts/ensure-deps.sh") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unzip)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "unzip \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
