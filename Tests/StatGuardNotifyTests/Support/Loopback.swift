import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Accepts connections on 127.0.0.1 on a thread of its own and hands each to `handle`, one
/// at a time, closing it afterwards. Bounded in count and time: at most `maxConnections`, and
/// it stops by itself after `lifetime` seconds; every read on a connection waits at most ten seconds.
final class LoopbackAcceptor: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let stopped = Flag()
    private let finished = DispatchSemaphore(value: 0)

    init(maxConnections: Int, lifetime: Double, handle: @escaping @Sendable (Int32) -> Void) throws {
        (listener, port) = try Loopback.openListener()
        let end = Date().addingTimeInterval(lifetime)
        let thread = Thread { [listener, stopped, finished] in
            defer {
                close(listener)
                finished.signal()
            }
            var served = 0
            while served < maxConnections, !stopped.isSet, Date() < end {
                guard let connection = Loopback.nextConnection(listener, waitMilliseconds: 50) else { continue }
                served += 1
                handle(connection)
                close(connection)
            }
        }
        thread.start()
    }

    /// Stops accepting and waits for the thread to end (at most one connection's reads).
    func stop() {
        guard stopped.set() else { return }
        finished.wait()
    }

    deinit { stop() }
}

/// A flag set once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    /// Sets the flag; false when it was set already.
    func set() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if value { return false }
        value = true
        return true
    }
}

/// The socket calls the loopback servers share.
enum Loopback {
    struct SocketError: Error, CustomStringConvertible { var description: String }

    /// A socket listening on 127.0.0.1 at a port the system picks.
    static func openListener() throws -> (Int32, UInt16) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError(description: "socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw SocketError(description: "bind/listen on 127.0.0.1 failed")
        }
        var actual = sockaddr_in()
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// The next connection, or nil when none came within `waitMilliseconds`.
    static func nextConnection(_ listener: Int32, waitMilliseconds: Int32) -> Int32? {
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, waitMilliseconds) > 0 else { return nil }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return nil }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return connection
    }

    static func write(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        var rounds = 0
        while offset < bytes.count, rounds < 10_000 {
            rounds += 1
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Buffered reads from a connection: lines ending in CRLF, and counted bytes.
    final class Reader {
        private let fd: Int32
        private var buffer: [UInt8] = []

        init(_ fd: Int32) { self.fd = fd }

        /// More bytes into the buffer; false at the end of the stream, on error or timeout.
        private func fill() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }

        /// One line without its CRLF, nil when the connection ends first (lines are capped at 64 KiB).
        func readLine() -> String? {
            var rounds = 0
            while rounds < 1_000 {
                rounds += 1
                if let index = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(buffer[..<index])
                    buffer.removeFirst(index + 1)
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                guard buffer.count < 65_536, fill() else { return nil }
            }
            return nil
        }

        /// The request line and header lines, up to the empty line.
        func readHead() -> [String]? {
            var lines: [String] = []
            while lines.count < 200 {
                guard let line = readLine() else { return nil }
                if line.isEmpty { return lines }
                lines.append(line)
            }
            return nil
        }

        func read(count: Int) -> [UInt8]? {
            var rounds = 0
            while buffer.count < count, rounds < 10_000 {
                rounds += 1
                guard fill() else { return nil }
            }
            guard buffer.count >= count else { return nil }
            let result = Array(buffer[..<count])
            buffer.removeFirst(count)
            return result
        }
    }
}
