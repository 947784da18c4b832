import Crypto
import Foundation

/// An e-mail as the digest makes it: envelope addresses, subject, and the same content as
/// plain text and as HTML.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    public var html: String

    public init(from: String, to: [String], subject: String, text: String, html: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// Whether every address is a bare `name@host` that cannot break a header or an SMTP command.
    public var addressesAreSafe: Bool {
        ([from] + to).allSatisfy { address in
            !address.isEmpty && address.filter({ $0 == "@" }).count == 1
                && !address.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "<>\"(),;:\\[]".unicodeScalars.contains($0) }
        }
    }

    /// The message in RFC 5322 form with CRLF line ends: `multipart/alternative`, the text part
    /// first (RFC 2046: the preferred, richer part comes last), both parts UTF-8 in base64, so
    /// no line is long and none starts with a dot; the subject as RFC 2047 encoded words.
    public func mime(date: Date, messageID: String) -> [UInt8] {
        let digest = SHA256.hash(data: Data((text + html).utf8))
        let boundary = "sg-" + digest.prefix(12).map { String(format: "%02x", $0) }.joined()
        var lines = [
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            "Subject: \(Self.encodedHeader(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a multipart message in MIME format.",
        ]
        for (type, content) in [("text/plain", text), ("text/html", html)] {
            lines += ["--\(boundary)", "Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(Data(content.utf8))
        }
        lines.append("--\(boundary)--")
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// `text` as is when it is printable ASCII, else as `=?UTF-8?B?…?=` words of at most 45 bytes
    /// of UTF-8 each (whole characters), folded onto continuation lines.
    static func encodedHeader(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) && text.utf8.count <= 900 { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        var lines: [String] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[start..<end]))
            start = end
        }
        return lines
    }

    /// `Wed, 04 Dec 2024 12:00:00 +0000`.
    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
