import StatGuardNotify
import Testing

/// The signatures of DingTalk's 加签 and Feishu's 签名校验, on fixed vectors.
@Suite("Webhook signatures match the services' algorithms")
struct SigningTests {
    @Test("DingTalk: urlEncode(base64(HmacSHA256(key: secret, message: ts + \\n + secret)))")
    func dingTalkVector() {
        #expect(DingTalkChannel.sign(timestamp: 1_700_000_000_000, secret: "SEC0123456789abcdef")
            == "TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D")
    }

    @Test("Feishu: base64(HmacSHA256(key: ts + \\n + secret, message: empty))")
    func feishuVector() {
        #expect(FeishuChannel.sign(timestamp: 1_700_000_000, secret: "abcdefgh12345678") == "+LA8ulgvhwicuU9myklAixg//YUsff55BRY6GDPTjBY=")
    }
}
