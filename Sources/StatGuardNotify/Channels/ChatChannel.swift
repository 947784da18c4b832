import StatGuardConfig

/// A chat service's wire format: how a digest becomes its messages, how a message becomes
/// a request, and what the service's reply means.
///
/// One conforming type per service (``WeComChannel``, ``DingTalkChannel``, ``FeishuChannel``);
/// they hold no state and no secrets. The ``Notifier`` does the sending, retrying and rate limiting.
public protocol ChatChannel: Sendable {
    var kind: ChannelKind { get }
    /// The digest as the messages the service receives, each within the service's size limit.
    func messages(for digest: Digest) -> [ChatMessage]
    /// The request that posts `message` to `webhook`, signed with `secret` at `milliseconds`
    /// since 1970 when the service signs and a secret is given.
    func request(for message: ChatMessage, webhook: String, secret: String?, milliseconds: Int64) -> WebhookRequest
    /// What the service's reply means.
    func verdict(status: Int, body: [UInt8]) -> ReplyVerdict
}

/// One message of a digest: the whole digest, or one numbered part of it.
public struct ChatMessage: Sendable, Equatable {
    /// The digest's title (shown in notifications and card headers), with `(2/3)` on parts.
    public var title: String
    /// The part's first line, e.g. `（第 2/3 部分）` and a line break; empty when there is one part.
    public var label: String
    /// This part's share of the digest's text: the bodies of all parts, concatenated, are the whole text.
    public var body: String
    /// 1-based.
    public var part: Int
    public var of: Int

    /// What the service shows.
    public var text: String { label + body }

    public init(title: String, label: String, body: String, part: Int, of: Int) {
        self.title = title
        self.label = label
        self.body = body
        self.part = part
        self.of = of
    }
}

/// An HTTP POST ready for a ``WebhookTransport``.
public struct WebhookRequest: Sendable, Equatable {
    /// The full URL, key and signature included: a secret, never logged (see ``SecretMask``).
    public var url: String
    public var body: [UInt8]
    public var headers: [String: String]

    public init(url: String, body: [UInt8], headers: [String: String] = ["Content-Type": "application/json; charset=utf-8"]) {
        self.url = url
        self.body = body
        self.headers = headers
    }
}

/// What a service's answer to one message means for delivery.
public enum ReplyVerdict: Sendable, Equatable {
    /// The service took the message.
    case delivered
    /// A rate limit, a busy server or an HTTP 5xx: worth another try after a pause.
    case retry(code: String, message: String)
    /// A bad URL, token or signature: no retry helps until someone fixes the configuration.
    case permanent(code: String, message: String)
    /// Any other refusal (e.g. a message the service does not accept): not retried.
    case rejected(code: String, message: String)
}

extension ChatChannel {
    /// The verdict for a service's reply, given its codes: HTTP 5xx and 429 are retried; a JSON
    /// code of 0 is delivery; codes in `retry` and `permanent` are what they say; without a
    /// code, HTTP 401, 403 and 404 mean a bad URL or key (permanent), anything else is refused.
    func classify(
        status: Int, body: [UInt8], codeKeys: [(code: String, message: String)], retry: Set<Int>, permanent: Set<Int>
    ) -> ReplyVerdict {
        if status >= 500 || status == 429 {
            return .retry(code: "http_\(status)", message: "HTTP \(status)")
        }
        let reply = ServiceReply(body, codeKeys: codeKeys)
        guard let code = reply.code else {
            if [401, 403, 404].contains(status) { return .permanent(code: "http_\(status)", message: "HTTP \(status)") }
            return .rejected(code: status == 200 ? "unreadable_reply" : "http_\(status)", message: "HTTP \(status) without a result code")
        }
        let message = DigestText.clip(InertText.plain(reply.message ?? ""), 200)
        if code == 0 && (200..<300).contains(status) { return .delivered }
        if retry.contains(code) { return .retry(code: String(code), message: message) }
        if permanent.contains(code) { return .permanent(code: String(code), message: message) }
        return .rejected(code: String(code), message: message)
    }
}
