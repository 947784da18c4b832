import Foundation

/// What one run of a command printed and how it exited.
public struct CommandResult: Sendable {
    public var exitCode: Int32
    public var standardOutput: String
    public var standardError: String

    /// The non-empty lines of standard error.
    public var errorLines: [String] {
        standardError.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

/// Why the `statguard` executable could not be run.
public struct CommandRunnerError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs the built `statguard` executable as a subprocess, the way cron and
/// statisticians run it.
public enum CommandRunner {
    /// The environment variable that may name the executable to test.
    public static let binaryVariable = "STATGUARD_BINARY"

    /// The `statguard` executable built with the running tests.
    ///
    /// `swift test` builds every product into the folder the test bundle runs
    /// from (`.build/<triple>/<config>/`), so the executable is looked for beside
    /// the running test process, and in the folders above it (on macOS the bundle's
    /// binary sits in `X.xctest/Contents/MacOS/`). `STATGUARD_BINARY` overrides.
    public static func executable() throws -> String {
        let fileManager = FileManager.default
        if let pinned = ProcessInfo.processInfo.environment[binaryVariable], !pinned.isEmpty {
            guard fileManager.isExecutableFile(atPath: pinned) else {
                throw CommandRunnerError(description: "\(binaryVariable)='\(pinned)' is not an executable file")
            }
            return pinned
        }
        var tried: [String] = []
        for start in runningExecutableFolders() {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            for _ in 0..<5 {
                let candidate = folder.appendingPathComponent("statguard").path
                if !tried.contains(candidate) {
                    tried.append(candidate)
                    if fileManager.isExecutableFile(atPath: candidate) { return candidate }
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw CommandRunnerError(description:
            "the statguard executable was not found beside the test process (tried \(tried.joined(separator: ", "))); build it with `swift build` or set \(binaryVariable)")
    }

    /// Folders holding the running test process's executable, by several means.
    private static func runningExecutableFolders() -> [String] {
        var paths: [String] = []
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            paths.append(resolved)
        }
        if let url = Bundle.main.executableURL { paths.append(url.path) }
        if let argument = CommandLine.arguments.first, argument.contains("/") {
            let absolute = argument.hasPrefix("/")
                ? argument
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(argument)
            paths.append(absolute)
        }
        var folders = paths.map { ($0 as NSString).deletingLastPathComponent }
        folders.append(Bundle.main.bundleURL.path)
        var unique: [String] = []
        for folder in folders where !unique.contains(folder) { unique.append(folder) }
        return unique
    }

    /// Runs `statguard` with `arguments` and waits for it (at most `timeout` seconds);
    /// `standardInput` is written to its standard input (none when nil).
    public static func run(
        _ arguments: [String], in directory: String? = nil, timeout: TimeInterval = 120, standardInput: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Files, not pipes: a chatty process can never block on a full pipe.
        let capture = try FixtureFolder("run")
        guard FileManager.default.createFile(atPath: capture.path("stdout"), contents: nil),
              FileManager.default.createFile(atPath: capture.path("stderr"), contents: nil)
        else { throw CommandRunnerError(description: "cannot create output files in \(capture.path)") }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: capture.path("stdout")))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: capture.path("stderr")))
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        if let standardInput {
            try capture.write("stdin", bytes: Array(standardInput.utf8))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: capture.path("stdin")))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw CommandRunnerError(description: "statguard \(arguments.joined(separator: " ")) ran longer than \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: try capture.read("stdout"), as: UTF8.self),
            standardError: String(decoding: try capture.read("stderr"), as: UTF8.self))
    }
}
