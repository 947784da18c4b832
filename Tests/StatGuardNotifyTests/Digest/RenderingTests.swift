import Foundation
import StatGuardConfig
import StatGuardCore
@testable import StatGuardNotify
import Testing

/// Every renderer writes the same digest; values from input are inert in each of them.
@Suite("Digests render per service, escaped")
struct RenderingTests {
    static let hostile = DigestFixture.digest(cases: [
        DigestCase(
            enterprise: DigestFixture.hostileName, creditCode: "91110000101623741K", regionCode: "510402001000",
            townName: "<b>东城</b>\n# 街道", ruleID: "O01", ruleTitle: "产值<高于>用电", category: .over, severity: .error,
            score: 0.5, message: "第一行\n## 伪造标题\n<at id=all></at> <@all> <font color=\"warning\">x</font>", status: .new,
            link: "https://statguard.example.org/cases/1?a=b c)"),
    ])

    @Test("chat markdown: no raw markup characters from input, no forged lines", arguments: [ChannelKind.wecom, .dingtalk, .feishu])
    func chatEscaping(kind: ChannelKind) {
        let chat = Notifier.chatChannel(for: kind)!
        let text = chat.messages(for: Self.hostile).map(\.text).joined()
        #expect(!text.contains("<script>") && !text.contains("<at") && !text.contains("<@") && !text.contains("<font"))
        #expect(!text.contains("**某某**") && !text.contains("[链接]") && !text.contains("\u{1B}"))
        #expect(text.contains("1. **＜script＞alert('x')＜/script＞＊＊某某＊＊［链接］(h…**（＜b＞东城＜/b＞ ＃ 街道 510402001）"))
        #expect(text.contains("第一行 ＃＃ 伪造标题 ＜at id=all＞＜/at＞ ＜@all＞ ＜font color=\"warning\"＞x＜/font＞"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("#") && $0.contains("伪造") })
        #expect(text.contains("[查看](https://statguard.example.org/cases/1?a=b%20c%29)"))
        #expect(text.contains("[打开 StatGuard 工作台](https://statguard.example.org)"))
    }

    @Test("every markup character becomes its full-width form; control characters become spaces")
    func inert() {
        #expect(InertText.chatMarkdown(DigestFixture.hostileName) == "＜script＞alert('x')＜/script＞＊＊某某＊＊［链接］(http://evil.example)｜＃ ［31m")
        #expect(InertText.chatMarkdown("a_b`c~d\\e\r\nf\u{2028}g") == "a＿b｀c～d＼e  f g")
        #expect(InertText.link("javascript:alert(1)") == nil && InertText.link("https://x.test/a\nb") == nil)
    }

    @Test("mail HTML escapes every value; the text part keeps it on one line")
    func mailEscaping() {
        let message = EmailChannel().message(for: Self.hostile, from: "statguard@example.org", to: ["chief@example.org"])
        #expect(!message.html.contains("<script>") && !message.html.contains("<b>东城") && !message.html.contains("<at id"))
        #expect(message.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(message.html.contains("产值&lt;高于&gt;用电"))
        #expect(message.html.contains("<a href=\"https://statguard.example.org/cases/1?a=b%20c%29\">"))
        #expect(message.text.contains("<script>alert('x')</script>"), "plain text shows the name as it is")
        #expect(!message.text.contains("\n## 伪造标题"))
    }

    @Test("the mail is multipart/alternative with CRLF lines, base64 UTF-8 parts and an encoded subject")
    func mime() throws {
        let message = EmailChannel().message(for: DigestFixture.digest(), from: "statguard@example.org", to: ["a@example.org", "b@example.org"])
        let bytes = message.mime(date: Date(timeIntervalSince1970: 1_700_000_000), messageID: "x@example.org")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Content-Type: multipart/alternative; boundary=\"sg-"))
        #expect(text.contains("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"))
        #expect(text.contains("To: a@example.org, b@example.org\r\n"))
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(bytes.allSatisfy { $0 < 0x80 }, "7-bit: every non-ASCII character is encoded")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 && !$0.contains("\n") })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let decodedSubject = MailMessage.encodedHeader(message.subject)
            .components(separatedBy: "\r\n ").map { word -> String in
                let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
                return String(decoding: Data(base64Encoded: String(payload))!, as: UTF8.self)
            }.joined()
        #expect(decodedSubject == message.subject)
        #expect(message.subject.hasPrefix("[StatGuard] 2024年12月 数据审核摘要：新增 6，重新打开 2"))
    }

    @Test("Feishu posts a signed interactive card; DingTalk signs in the URL; WeCom sends markdown")
    func wireFormats() throws {
        let digest = DigestFixture.digest()
        let message = FeishuChannel().messages(for: digest)[0]
        let feishu = FeishuChannel().request(for: message, webhook: "https://open.feishu.cn/open-apis/bot/v2/hook/x", secret: "abcdefgh12345678", milliseconds: 1_700_000_000_123)
        let card = try #require(try JSONSerialization.jsonObject(with: Data(feishu.body)) as? [String: Any])
        #expect(card["timestamp"] as? String == "1700000000")
        #expect(card["sign"] as? String == "+LA8ulgvhwicuU9myklAixg//YUsff55BRY6GDPTjBY=")
        #expect(card["msg_type"] as? String == "interactive")
        let unsigned = FeishuChannel().request(for: message, webhook: "https://x.test/hook", secret: nil, milliseconds: 0)
        #expect(String(decoding: unsigned.body, as: UTF8.self).hasPrefix("{\"msg_type\":\"interactive\""))

        let ding = DingTalkChannel().request(
            for: DingTalkChannel().messages(for: digest)[0], webhook: "https://oapi.dingtalk.com/robot/send?access_token=t",
            secret: "SEC0123456789abcdef", milliseconds: 1_700_000_000_000)
        #expect(ding.url == "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D")
        #expect(String(decoding: ding.body, as: UTF8.self).hasPrefix("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"StatGuard 数据审核摘要 · 2024年12月\",\"text\":\"#### "))

        let wecom = WeComChannel().request(for: WeComChannel().messages(for: digest)[0], webhook: "https://w.test/send?key=k", secret: nil, milliseconds: 0)
        #expect(wecom.url == "https://w.test/send?key=k")
        #expect(String(decoding: wecom.body, as: UTF8.self).hasPrefix("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"### StatGuard"))
    }

    @Test("replies are judged by their JSON code, HTTP 200 or not")
    func verdicts() {
        let ok = Array("{\"errcode\":0,\"errmsg\":\"ok\"}".utf8)
        #expect(WeComChannel().verdict(status: 200, body: ok) == .delivered)
        #expect(WeComChannel().verdict(status: 200, body: Array("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}".utf8))
            == .retry(code: "45009", message: "api freq out of limit"))
        #expect(WeComChannel().verdict(status: 200, body: Array("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}".utf8))
            == .permanent(code: "93000", message: "invalid webhook url"))
        #expect(WeComChannel().verdict(status: 502, body: []) == .retry(code: "http_502", message: "HTTP 502"))
        #expect(WeComChannel().verdict(status: 200, body: Array("<html>".utf8)) == .rejected(code: "unreadable_reply", message: "HTTP 200 without a result code"))
        #expect(DingTalkChannel().verdict(status: 200, body: Array("{\"errcode\":130101,\"errmsg\":\"send too fast\"}".utf8)) == .retry(code: "130101", message: "send too fast"))
        for code in [300001, 300005, 310000] {
            #expect(DingTalkChannel().verdict(status: 200, body: Array("{\"errcode\":\(code),\"errmsg\":\"x\"}".utf8)) == .permanent(code: "\(code)", message: "x"))
        }
        #expect(FeishuChannel().verdict(status: 200, body: Array("{\"code\":0,\"msg\":\"success\",\"data\":{}}".utf8)) == .delivered)
        #expect(FeishuChannel().verdict(status: 200, body: Array("{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}".utf8)) == .delivered)
        #expect(FeishuChannel().verdict(status: 200, body: Array("{\"code\":11232,\"msg\":\"frequency limited\"}".utf8)) == .retry(code: "11232", message: "frequency limited"))
        for code in [19001, 19021, 19022, 19024] {
            #expect(FeishuChannel().verdict(status: 400, body: Array("{\"code\":\(code),\"msg\":\"x\"}".utf8)) == .permanent(code: "\(code)", message: "x"))
        }
        #expect(FeishuChannel().verdict(status: 404, body: []) == .permanent(code: "http_404", message: "HTTP 404"))
    }
}
