import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for tests, on POSIX sockets: it accepts one
/// connection at a time, reads the request line, headers and a `Content-Length` body, answers
/// what the handler returns and closes the connection. Bounded as ``LoopbackAcceptor`` is.
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        /// Path and query, as sent.
        var target: String
        /// Header names lowercased.
        var headers: [String: String]
        var body: [UInt8]
    }

    typealias Handler = @Sendable (Request) -> (status: Int, body: [UInt8])

    private let acceptor: LoopbackAcceptor

    init(maxConnections: Int = 300, lifetime: Double = 300, handler: @escaping Handler) throws {
        acceptor = try LoopbackAcceptor(maxConnections: maxConnections, lifetime: lifetime) { connection in
            Self.handle(connection, with: handler)
        }
    }

    var port: UInt16 { acceptor.port }

    /// `http://127.0.0.1:<port>`.
    var base: String { "http://127.0.0.1:\(port)" }

    func stop() { acceptor.stop() }

    private static func handle(_ connection: Int32, with handler: Handler) {
        let reader = Loopback.Reader(connection)
        guard let head = reader.readHead(), let requestLine = head.first else { return }
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            Loopback.write(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let length = min(Int(headers["content-length"] ?? "0") ?? 0, 4_000_000)
        guard let body = reader.read(count: length) else { return }
        let reply = handler(Request(method: String(parts[0]), target: String(parts[1]), headers: headers, body: body))
        var response = "HTTP/1.1 \(reply.status) \(reply.status == 200 ? "OK" : "Status")\r\n"
        response += "Content-Type: application/json\r\nContent-Length: \(reply.body.count)\r\nConnection: close\r\n\r\n"
        Loopback.write(connection, Array(response.utf8) + reply.body)
    }
}
