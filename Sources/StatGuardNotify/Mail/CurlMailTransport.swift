import Foundation

/// Sends mail with Debian's `curl` command-line client (`curl --url smtp://… --mail-from …
/// --mail-rcpt … --upload-file …`).
///
/// Nothing secret is on curl's command line, which every user of the machine can read in the
/// process list: curl is started as `curl -q -K -` and reads its options, the account
/// (`user = "name:password"`) among them, as a configuration from standard input. The message
/// goes in a temporary file readable by its owner only, removed afterwards. `-q` keeps a
/// `~/.curlrc` out of it. `smtps://` adds `ssl-reqd`; `smtp://` adds `ssl`, which upgrades
/// with STARTTLS when the server offers it.
public struct CurlMailTransport: MailTransport {
    /// The curl executable.
    public var curlPath: String
    /// curl's `max-time` for one message, in seconds.
    public var timeoutSeconds: Int
    /// Where the message file is written.
    public var temporaryFolder: String

    /// What curl's command line holds: no address, no account.
    public static let arguments = ["-q", "-K", "-"]

    public init(curlPath: String = "/usr/bin/curl", timeoutSeconds: Int = 60, temporaryFolder: String = NSTemporaryDirectory()) {
        self.curlPath = curlPath
        self.timeoutSeconds = timeoutSeconds
        self.temporaryFolder = temporaryFolder
    }

    public func send(_ message: [UInt8], from: String, to: [String], via server: SMTPServer) async -> ReplyVerdict {
        let folder = temporaryFolder.hasSuffix("/") ? temporaryFolder : temporaryFolder + "/"
        let file = folder + "statguard-mail-\(UUID().uuidString).eml"
        guard FileManager.default.createFile(atPath: file, contents: Data(message), attributes: [.posixPermissions: 0o600]) else {
            return .rejected(code: "mail_file", message: "cannot write the message to a temporary file in \(folder)")
        }
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (status, errors) = await run(configuration: configuration(server: server, from: from, to: to, file: file))
        return Self.verdict(exitCode: status, stderr: errors)
    }

    /// curl's configuration text: one option a line, values quoted with `\` and `"` escaped.
    func configuration(server: SMTPServer, from: String, to: [String], file: String) -> String {
        var lines = [
            "url = \(Self.quoted(server.address))",
            "mail-from = \(Self.quoted(from))",
        ]
        lines += to.map { "mail-rcpt = \(Self.quoted($0))" }
        lines.append("upload-file = \(Self.quoted(file))")
        if let user = server.user {
            lines.append("user = \(Self.quoted(user + ":" + (server.password ?? "")))")
        }
        lines.append(server.implicitTLS ? "ssl-reqd" : "ssl")
        lines += ["silent", "show-error", "max-time = \"\(timeoutSeconds)\"", "connect-timeout = \"15\""]
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// What curl's exit status means (curl's man page, EXIT CODES).
    static func verdict(exitCode: Int32, stderr: String) -> ReplyVerdict {
        let detail = DigestText.clip(InertText.plain(stderr.trimmingCharacters(in: .whitespacesAndNewlines)), 200)
        let code = "curl_\(exitCode)"
        switch exitCode {
        case 0: return .delivered
        // Could not resolve or connect, timed out, send/receive failure, TLS handshake, empty or odd reply.
        case 6, 7, 28, 35, 52, 55, 56, 8: return .retry(code: code, message: detail)
        // Unsupported protocol, malformed URL, login denied, certificate problems.
        case 1, 3, 67, 58, 60, 77: return .permanent(code: code, message: detail)
        case -1: return .rejected(code: "curl_missing", message: detail)
        default: return .rejected(code: code, message: detail)
        }
    }

    /// Runs curl with `configuration` on its standard input; its exit status and standard error.
    /// The configuration is in the pipe before curl starts, so writing can never meet a closed pipe.
    private func run(configuration: String) async -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: curlPath)
        process.arguments = Self.arguments
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(configuration.utf8))
            try input.fileHandleForWriting.close()
        } catch {
            return (-1, "cannot hand curl its configuration")
        }
        let box = ProcessBox(process)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<(Int32, String), Never>) in
                let once = ResumeOnce(continuation)
                process.terminationHandler = { finished in
                    let data = errors.fileHandleForReading.readDataToEndOfFile()
                    once.resume((finished.terminationStatus, String(decoding: data, as: UTF8.self)))
                }
                do {
                    try process.run()
                } catch {
                    once.resume((-1, "cannot start \(curlPath)"))
                }
            }
        } onCancel: {
            box.terminate()
        }
    }
}

/// A process shared with a cancellation handler.
private final class ProcessBox: @unchecked Sendable {
    private let process: Process
    init(_ process: Process) { self.process = process }
    func terminate() { if process.isRunning { process.terminate() } }
}

/// Resumes a continuation once, whichever of termination and launch failure comes first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<(Int32, String), Never>?
    init(_ continuation: CheckedContinuation<(Int32, String), Never>) { self.continuation = continuation }
    func resume(_ value: (Int32, String)) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: value)
    }
}
