import Crypto
import Foundation
import StatGuardConfig

/// 飞书 (Feishu) custom bot: one interactive card per part, its text in `lark_md`.
///
/// Wire format (飞书 自定义机器人使用指南, open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
/// `POST <webhook>` with `{"timestamp":"…","sign":"…","msg_type":"interactive","card":{…}}`;
/// `timestamp` and `sign` only when the bot has 签名校验. The signature is
/// `base64(HmacSHA256(key: timestamp + "\n" + secret, message: empty))`, the reverse of
/// DingTalk's arrangement, with the timestamp in seconds, within an hour of Feishu's clock.
/// A request body is at most 20 KB. The bot answers `{"code":0,"msg":"success"}` (older
/// deployments: `{"StatusCode":0,"StatusMessage":"success"}`), and HTTP 200 when it refuses too.
///
/// Result codes:
/// - `11232` frequency limited: retried with backoff (openclaw/openclaw#70879, feiyu563/PrometheusAlert#470).
/// - `19001` "param invalid: incoming webhook access token invalid": a wrong hook address;
///   permanent (the guide's error table; message seen in sansan0/TrendRadar#278).
/// - `19021` "sign match fail or timestamp is not within one hour from current time": wrong
///   secret, wrong algorithm or a skewed clock; permanent (feiyu563/PrometheusAlert#422,
///   THEWOLFWALKER/dsh-notifier#8).
/// - `19022` "Ip Not Allowed": the bot's IP allow-list refuses this host; permanent (the guide's error table).
/// - `19024` "Key Words Not Found": the bot's keyword check refuses the message; permanent
///   (RaineaAN/GlaDOS_Checkin_ql#6, quoting the guide).
public struct FeishuChannel: ChatChannel {
    /// The most bytes a request body may have (20 KB, kept to 20000).
    public static let bodyLimit = 20_000
    public static let retryCodes: Set<Int> = [11232]
    public static let permanentCodes: Set<Int> = [19001, 19021, 19022, 19024]

    public var kind: ChannelKind { .feishu }

    public init() {}

    public func messages(for digest: Digest) -> [ChatMessage] {
        let title = DigestText.title(digest)
        let widest = Self.body(
            title: title + " (999/999)", text: "", signature: (1_700_000_000, String(repeating: "A", count: 44)))
        return ChatMarkdown.messages(
            blocks: ChatMarkdown().blocks(digest), title: title, limit: Self.bodyLimit - widest.bytes.count,
            measure: JSONText.escapedSize)
    }

    public func request(for message: ChatMessage, webhook: String, secret: String?, milliseconds: Int64) -> WebhookRequest {
        let seconds = milliseconds / 1000
        let signature = secret.map { (seconds, Self.sign(timestamp: seconds, secret: $0)) }
        return WebhookRequest(url: webhook, body: Self.body(title: message.title, text: message.text, signature: signature).bytes)
    }

    public func verdict(status: Int, body: [UInt8]) -> ReplyVerdict {
        classify(
            status: status, body: body, codeKeys: [("code", "msg"), ("StatusCode", "StatusMessage")],
            retry: Self.retryCodes, permanent: Self.permanentCodes)
    }

    /// 签名校验: `base64(HmacSHA256(key: "\(timestamp)\n\(secret)", message: empty))`, timestamp in seconds.
    public static func sign(timestamp seconds: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Data("\(seconds)\n\(secret)".utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(), using: key)
        return Data(mac).base64EncodedString()
    }

    private static func body(title: String, text: String, signature: (Int64, String)?) -> JSONText {
        var members: [(String, JSONText)] = []
        if let (seconds, sign) = signature {
            members.append(("timestamp", .string(String(seconds))))
            members.append(("sign", .string(sign)))
        }
        members.append(("msg_type", .string("interactive")))
        members.append(
            ("card", .object([
                ("config", .object([("wide_screen_mode", .bool(true))])),
                ("header", .object([
                    ("title", .object([("tag", .string("plain_text")), ("content", .string(title))])),
                    ("template", .string("orange")),
                ])),
                ("elements", .array([
                    .object([("tag", .string("div")), ("text", .object([("tag", .string("lark_md")), ("content", .string(text))]))]),
                ])),
            ])))
        return .object(members)
    }
}
