import Crypto
import Foundation
import StatGuardConfig

/// 钉钉 (DingTalk) custom robot: one markdown message per part, signed when the robot uses 加签.
///
/// Wire format (open.dingtalk.com, 自定义机器人发送群消息 and 自定义机器人安全设置):
/// `POST <webhook>&timestamp=<ms>&sign=<sign>` with
/// `{"msgtype":"markdown","markdown":{"title":…,"text":…}}`. 加签: the string to sign is
/// `timestamp + "\n" + secret`, `sign = urlEncode(base64(HmacSHA256(key: secret, message: that string)))`,
/// and the timestamp (milliseconds) must be within an hour of DingTalk's clock. A message is
/// kept under about 20000 bytes; each robot takes at most 20 messages a minute, and one that
/// sends more is throttled for 10 minutes. The robot answers HTTP 200 with `{"errcode":0,"errmsg":"ok"}`,
/// and also HTTP 200 when it refuses.
///
/// Result codes:
/// - `130101` "send too fast, exceed 20 times per minute": retried with backoff (ccfos/nightingale#369,
///   opengoofy/hippo4j#217).
/// - `-1` 系统繁忙: retried (DingTalk's global codes: "服务器暂不可用，建议稍后再重试").
/// - `300001`, `300005` "token is not exist": a wrong access_token (or a robot of another kind
///   of group); permanent (timonwong/prometheus-webhook-dingtalk#91 and #226).
/// - `310000` "sign not match", "invalid timestamp", keywords or IP not allowed: the robot's
///   security settings refuse the message; permanent (x-cold/dingtalk-robot#7,
///   jenkinsci/dingtalk-plugin#116, megaease/easeprobe#202). A skewed clock also gives
///   "invalid timestamp": fix the clock, no retry helps.
public struct DingTalkChannel: ChatChannel {
    /// The most bytes a request body is given (DingTalk documents about 20000).
    public static let bodyLimit = 20_000
    public static let retryCodes: Set<Int> = [130101, -1]
    public static let permanentCodes: Set<Int> = [300001, 300005, 310000]

    public var kind: ChannelKind { .dingtalk }

    public init() {}

    public func messages(for digest: Digest) -> [ChatMessage] {
        let markdown = ChatMarkdown(lineEnd: "  \n", heading: { "#### " + $0 })
        let title = DigestText.title(digest)
        let envelope = Self.body(title: title + " (999/999)", text: "").bytes.count
        return ChatMarkdown.messages(
            blocks: markdown.blocks(digest), title: title, limit: Self.bodyLimit - envelope, measure: JSONText.escapedSize,
            lineEnd: "  \n")
    }

    public func request(for message: ChatMessage, webhook: String, secret: String?, milliseconds: Int64) -> WebhookRequest {
        var url = webhook
        if let secret {
            let sign = Self.sign(timestamp: milliseconds, secret: secret)
            url += (url.contains("?") ? "&" : "?") + "timestamp=\(milliseconds)&sign=\(sign)"
        }
        return WebhookRequest(url: url, body: Self.body(title: message.title, text: message.text).bytes)
    }

    public func verdict(status: Int, body: [UInt8]) -> ReplyVerdict {
        classify(
            status: status, body: body, codeKeys: [("errcode", "errmsg")], retry: Self.retryCodes,
            permanent: Self.permanentCodes)
    }

    /// 加签: `urlEncode(base64(HmacSHA256(key: secret, message: "\(timestamp)\n\(secret)")))`.
    public static func sign(timestamp milliseconds: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(milliseconds)\n\(secret)".utf8), using: key)
        return percentEncode(Data(mac).base64EncodedString())
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters (`+`, `/` and `=` included).
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    private static func body(title: String, text: String) -> JSONText {
        .object([
            ("msgtype", .string("markdown")),
            ("markdown", .object([("title", .string(title)), ("text", .string(text))])),
        ])
    }
}
