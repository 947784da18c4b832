import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny SMTP server on 127.0.0.1 for curl to talk to: 220 greeting, EHLO/HELO (offering
/// AUTH PLAIN and LOGIN), AUTH, MAIL, RCPT, DATA until `CRLF.CRLF`, QUIT. It checks the account
/// and records each message with its envelope. Bounded as ``LoopbackAcceptor`` is, and to
/// 2000 commands a connection.
final class SMTPSink: @unchecked Sendable {
    struct Mail: Sendable {
        var from: String
        var recipients: [String]
        /// The DATA, dot-unstuffed, lines joined with CRLF.
        var data: String
        var user: String?
        var password: String?
    }

    let user: String
    let password: String
    private let lock = NSLock()
    private var mails: [Mail] = []
    private var refusedLogins = 0
    private var acceptor: LoopbackAcceptor!

    init(user: String, password: String, maxConnections: Int = 20, lifetime: Double = 300) throws {
        self.user = user
        self.password = password
        acceptor = try LoopbackAcceptor(maxConnections: maxConnections, lifetime: lifetime) { [unowned self] connection in
            self.converse(connection)
        }
    }

    var port: UInt16 { acceptor.port }

    var received: [Mail] {
        lock.lock()
        defer { lock.unlock() }
        return mails
    }

    var loginsRefused: Int {
        lock.lock()
        defer { lock.unlock() }
        return refusedLogins
    }

    func stop() { acceptor.stop() }

    private func converse(_ fd: Int32) {
        let reader = Loopback.Reader(fd)
        func say(_ line: String) { Loopback.write(fd, Array((line + "\r\n").utf8)) }
        say("220 sink.test ESMTP StatGuard test sink")
        var mail = Mail(from: "", recipients: [], data: "")
        var commands = 0
        while commands < 2000, let line = reader.readLine() {
            commands += 1
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                say("250-sink.test")
                say("250-AUTH PLAIN LOGIN")
                say("250 8BITMIME")
            } else if upper.hasPrefix("HELO") {
                say("250 sink.test")
            } else if upper.hasPrefix("AUTH PLAIN") {
                var encoded = String(line.dropFirst(10)).trimmingCharacters(in: .whitespaces)
                if encoded.isEmpty {
                    say("334 ")
                    encoded = reader.readLine() ?? ""
                }
                let fields = (Data(base64Encoded: encoded) ?? Data()).split(separator: 0, omittingEmptySubsequences: false)
                let given = fields.count == 3 ? (String(decoding: fields[1], as: UTF8.self), String(decoding: fields[2], as: UTF8.self)) : ("", "")
                login(given, mail: &mail, say: say)
            } else if upper.hasPrefix("AUTH LOGIN") {
                say("334 VXNlcm5hbWU6")
                let name = String(decoding: Data(base64Encoded: reader.readLine() ?? "") ?? Data(), as: UTF8.self)
                say("334 UGFzc3dvcmQ6")
                let secret = String(decoding: Data(base64Encoded: reader.readLine() ?? "") ?? Data(), as: UTF8.self)
                login((name, secret), mail: &mail, say: say)
            } else if upper.hasPrefix("MAIL FROM:") {
                mail.from = Self.address(line)
                say("250 2.1.0 Ok")
            } else if upper.hasPrefix("RCPT TO:") {
                mail.recipients.append(Self.address(line))
                say("250 2.1.5 Ok")
            } else if upper == "DATA" {
                say("354 End data with <CR><LF>.<CR><LF>")
                var lines: [String] = []
                while lines.count < 100_000, let dataLine = reader.readLine() {
                    if dataLine == "." { break }
                    lines.append(dataLine.hasPrefix("..") ? String(dataLine.dropFirst()) : dataLine)
                }
                mail.data = lines.joined(separator: "\r\n")
                lock.lock()
                mails.append(mail)
                lock.unlock()
                mail = Mail(from: "", recipients: [], data: "", user: mail.user, password: mail.password)
                say("250 2.0.0 Ok: queued")
            } else if upper == "QUIT" {
                say("221 2.0.0 Bye")
                return
            } else if upper == "RSET" || upper == "NOOP" {
                say("250 Ok")
            } else {
                say("502 5.5.2 Error: command not recognized")
            }
        }
    }

    private func login(_ given: (String, String), mail: inout Mail, say: (String) -> Void) {
        if given == (user, password) {
            mail.user = given.0
            mail.password = given.1
            say("235 2.7.0 Authentication successful")
        } else {
            lock.lock()
            refusedLogins += 1
            lock.unlock()
            say("535 5.7.8 Error: authentication failed")
        }
    }

    /// `foo@bar` from `MAIL FROM:<foo@bar> SIZE=123`.
    private static func address(_ line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}
