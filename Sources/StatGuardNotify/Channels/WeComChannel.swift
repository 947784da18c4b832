import StatGuardConfig

/// 企业微信 (WeCom) group robot: one markdown message per part.
///
/// Wire format (群机器人配置说明, developer.work.weixin.qq.com/document/path/91770):
/// `POST <webhook>` with `{"msgtype":"markdown","markdown":{"content":…}}`; the content is at
/// most 4096 bytes of UTF-8; each robot takes at most 20 messages a minute. The robot answers
/// HTTP 200 with `{"errcode":0,"errmsg":"ok"}`, and also HTTP 200 when it refuses.
///
/// Result codes:
/// - `45009` "api freq out of limit": rate limited, retried with backoff (global codes,
///   developer.work.weixin.qq.com/document/path/90455: 接口调用超过限制; seen from robots in
///   binarywang/WxJava and developers.weixin.qq.com community threads).
/// - `-1` 系统繁忙: "建议稍候重试" (document/path/90455), retried.
/// - `93000` "invalid webhook url": the key is wrong or the robot was removed; permanent
///   (wes-lin/Cloud189Checkin#175, zema1/watchvuln#146, qd-today/qd#586).
public struct WeComChannel: ChatChannel {
    /// The most bytes of UTF-8 `markdown.content` may hold.
    public static let contentLimit = 4096
    /// Codes worth another try.
    public static let retryCodes: Set<Int> = [45009, -1]
    /// Codes no retry can help.
    public static let permanentCodes: Set<Int> = [93000]

    public var kind: ChannelKind { .wecom }

    public init() {}

    public func messages(for digest: Digest) -> [ChatMessage] {
        let markdown = ChatMarkdown(heading: { "### " + $0 })
        return ChatMarkdown.messages(
            blocks: markdown.blocks(digest), title: DigestText.title(digest), limit: Self.contentLimit,
            measure: MessageSplitter.utf8Size)
    }

    public func request(for message: ChatMessage, webhook: String, secret: String?, milliseconds: Int64) -> WebhookRequest {
        let body = JSONText.object([
            ("msgtype", .string("markdown")),
            ("markdown", .object([("content", .string(message.text))])),
        ])
        return WebhookRequest(url: webhook, body: body.bytes)
    }

    public func verdict(status: Int, body: [UInt8]) -> ReplyVerdict {
        classify(
            status: status, body: body, codeKeys: [("errcode", "errmsg")], retry: Self.retryCodes,
            permanent: Self.permanentCodes)
    }
}
