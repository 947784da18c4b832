import ArgumentParser
import Foundation
import StatGuardWeb

/// `statguard serve`: the web workbench over a pipeline's store.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the statisticians' web workbench over the pipeline's store (loopback only unless --listen says otherwise).",
        discussion: """
            Pages: period overview, case queue, enterprise pages with the triage form, summary, quality; and a JSON API \
            under /api. Needs at least one account ('statguard users add'). It reads the store while 'statguard run' \
            writes it: pages show the last committed period. Stop it with Ctrl-C.
            """
    )

    @OptionGroup var options: WorkflowOptions

    @Option(help: "HOST:PORT to listen on. Anything but 127.0.0.1 or [::1] exposes the workbench to the network.")
    var listen: String = "127.0.0.1:8080"

    func run() throws {
        guard let (host, port) = Self.address(listen) else {
            throw CommandFailure(status: .usage, message: "'\(listen)' is not HOST:PORT (e.g. 127.0.0.1:8080)")
        }
        var settings = Workbench.Settings(pipeline: try options.load())
        settings.host = host
        settings.port = port
        let workbench: Workbench
        do { workbench = try Workbench(settings: settings) } catch { throw CommandFailure(status: error.exitStatus, message: error.description) }
        let shown = host.contains(":") ? "[\(host)]" : host
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            FileHandle.standardError.write(Data("statguard: warning: listening on \(host), not loopback: anyone who can reach it can try to sign in; put it behind TLS.\n".utf8))
        }
        FileHandle.standardError.write(Data("StatGuard workbench: http://\(shown):\(port)/ (Ctrl-C stops it)\n".utf8))
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do { try await workbench.run() } catch { outcome.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw CommandFailure(status: .internalFailure, message: "the workbench stopped: \(error)") }
    }

    /// The server's error, handed from its task to the waiting command.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }

    /// `HOST:PORT` or `[IPv6]:PORT` split; nil when malformed.
    static func address(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}

extension WorkbenchError {
    /// No account is bad usage (2): the message says how to add one; a store problem is 4.
    var exitStatus: ExitStatus {
        switch self {
        case .noUsers: .usage
        case .store, .accounts: .storeUnavailable
        }
    }
}
