import Foundation

/// Keeps webhook URLs, keys, signing secrets and SMTP passwords out of every string the
/// notifier hands back: outcomes, errors, the dry run.
///
/// The notifier never writes a secret on purpose (it names environment variables and masked
/// URLs); ``scrub(_:)`` is the second line, for text that comes from elsewhere, such as a
/// transport error that quotes the URL it failed on.
public struct SecretMask: Sendable {
    /// Values to hide, longest first so that a URL is replaced before its key inside it.
    private let secrets: [String]

    /// A mask hiding `values` and the pieces of them that are secrets on their own: a URL's
    /// query values, long path segments (Feishu's hook id) and password, and every value
    /// percent-encoded and decoded. Values shorter than 4 characters are not secrets worth
    /// garbling every message for.
    public init(_ values: [String]) {
        var found: Set<String> = []
        for value in values {
            found.insert(value)
            if let components = URLComponents(string: value), components.scheme != nil {
                for item in components.queryItems ?? [] { if let v = item.value { found.insert(v) } }
                for segment in components.path.split(separator: "/") where segment.count >= 16 { found.insert(String(segment)) }
                if let password = components.password { found.insert(password) }
                if let password = components.percentEncodedPassword { found.insert(password) }
            }
        }
        for value in found {
            if let decoded = value.removingPercentEncoding { found.insert(decoded) }
            found.insert(DingTalkChannel.percentEncode(value))
        }
        secrets = found.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `***`.
    public func scrub(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: "***")
        }
        return out
    }

    /// A URL fit for a log: scheme, host, port and short path segments kept; account, query
    /// values and long path segments (tokens) as `***`. `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***`.
    public static func maskURL(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return "***"
        }
        var out = "\(scheme)://"
        if components.user != nil || components.password != nil { out += "***@" }
        out += host
        if let port = components.port { out += ":\(port)" }
        out += components.path.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.count >= 16 ? "***" : String($0)
        }.joined(separator: "/")
        if let items = components.queryItems, !items.isEmpty {
            out += "?" + items.map { "\($0.name)=***" }.joined(separator: "&")
        }
        return out
    }
}
