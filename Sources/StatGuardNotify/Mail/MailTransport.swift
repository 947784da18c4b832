import Foundation

/// Sends one e-mail. The transport judges its own result: delivered, worth a retry, or not.
public protocol MailTransport: Sendable {
    /// Sends `message` (RFC 5322 bytes) from `from` to `to` through `server`.
    func send(_ message: [UInt8], from: String, to: [String], via server: SMTPServer) async -> ReplyVerdict
}

/// An SMTP server and the account to use, read from the channel's `smtp_env` variable:
/// `smtp://host:port` or `smtps://user:password@host:port` (user and password percent-encoded).
///
/// Holds a password: its ``description`` shows `***` in its place, and nothing else may print it.
public struct SMTPServer: Sendable, Equatable, CustomStringConvertible {
    /// `smtps://`: TLS from the first byte (port 465 by default).
    public var implicitTLS: Bool
    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?

    public init(implicitTLS: Bool, host: String, port: Int, user: String? = nil, password: String? = nil) {
        self.implicitTLS = implicitTLS
        self.host = host
        self.port = port
        self.user = user
        self.password = password
    }

    /// The server from its URL, or nil when it is not `smtp://` or `smtps://` with a host.
    public static func parse(_ text: String) -> SMTPServer? {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps",
              let host = components.host, !host.isEmpty,
              host.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != "\\" })
        else { return nil }
        let secure = scheme == "smtps"
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 }
        return SMTPServer(implicitTLS: secure, host: host, port: components.port ?? (secure ? 465 : 25), user: user, password: components.password)
    }

    /// `smtp://host:port`, without the account: what curl is told to connect to.
    public var address: String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(implicitTLS ? "smtps" : "smtp")://\(bracketed):\(port)"
    }

    public var description: String {
        let account = user == nil && password == nil ? "" : "***@"
        return address.replacingOccurrences(of: "://", with: "://" + account)
    }
}
