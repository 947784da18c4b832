import Foundation
import StatGuardConfig
@testable import StatGuardNotify
import Testing

/// URLs, keys and secrets never appear in what the notifier hands back.
@Suite("Secrets stay out of outcomes, errors and the dry run", .serialized)
struct SecretsTests {
    /// Every secret of the fake's environment, and pieces of them.
    static func secrets(_ environment: [String: String]) -> [String] {
        let pieces = [
            FakeChatServices.wecomKey, FakeChatServices.dingTalkToken, FakeChatServices.feishuHook,
            FakeChatServices.dingTalkSecret, FakeChatServices.feishuSecret, "Wr0ng-Passw0rd-123", "s3cret-pw-456",
            "00000000-wrong-key-0000",
        ]
        return pieces + environment.values.filter { $0.count >= 8 }
    }

    @Test("every outcome and error string of success, refusal, outage and bad settings is free of secrets")
    func scan() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        let sink = try SMTPSink(user: "statguard@example.org", password: "s3cret-pw-456")
        defer { sink.stop() }
        let channels = WebhookDeliveryTests.channels + [DigestFixture.channel("县局", .email)]
        var base = services.environment
        base["SG_SMTP_URL"] = "smtp://statguard%40example.org:s3cret-pw-456@127.0.0.1:\(sink.port)"

        var environments = [base]
        var wrong = base
        wrong["SG_WECOM_EAST"] = services.wecomURL.replacingOccurrences(of: FakeChatServices.wecomKey, with: "00000000-wrong-key-0000")
        wrong["SG_DING_SECRET"] = "SEC-not-the-robot-secret-0000"
        wrong["SG_SMTP_URL"] = "smtp://statguard%40example.org:Wr0ng-Passw0rd-123@127.0.0.1:\(sink.port)"
        environments.append(wrong)
        var unreachable = base
        unreachable["SG_WECOM_EAST"] = "http://127.0.0.1:1/cgi-bin/webhook/send?key=\(FakeChatServices.wecomKey)"
        unreachable["SG_FEISHU_URL"] = "not a url \(FakeChatServices.feishuHook)"
        unreachable["SG_SMTP_URL"] = "smtps://user:s3cret-pw-456@"
        environments.append(unreachable)

        var strings: [String] = []
        for environment in environments {
            services.script(.dingtalk, [(500, "{\"errcode\":-1,\"errmsg\":\"busy \(FakeChatServices.dingTalkToken)\"}")])
            let outcomes = await Notifier(
                transport: URLSessionTransport(timeoutSeconds: 30), clock: clock, retry: RetryPolicy(maxAttempts: 2)
            ).send(DigestFixture.digest(), to: channels, environment: environment)
            strings += outcomes.flatMap { [$0.description, $0.errorMessage ?? "", $0.errorCode ?? "", $0.channel] }
        }
        strings.append(Notifier.dryRun(DigestFixture.digest(), to: channels))
        strings.append(SMTPServer.parse(base["SG_SMTP_URL"]!)!.description)
        strings.append(SecretMask.maskURL(services.dingTalkURL + "&timestamp=1&sign=abc%2Fdef"))
        #expect(strings.count > 20)
        for secret in Self.secrets(base) + Self.secrets(wrong) {
            for text in strings {
                #expect(!text.contains(secret), "'\(secret)' shows in: \(text)")
            }
        }
        #expect(strings.contains { $0.contains("https://") || $0.contains("http://127.0.0.1") }, "masked URLs are still shown")
    }

    @Test("maskURL keeps the host and path, hides query values, accounts and long path tokens")
    func masks() {
        #expect(SecretMask.maskURL("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=FAKE-693a-7xxx") == "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***")
        #expect(SecretMask.maskURL("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1&sign=x") == "https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=***&sign=***")
        #expect(SecretMask.maskURL("https://open.feishu.cn/open-apis/bot/v2/hook/00000000-fake-test-hook-000000000000") == "https://open.feishu.cn/open-apis/bot/v2/hook/***")
        #expect(SecretMask.maskURL("smtps://u:p@mail.example.org:465") == "smtps://***@mail.example.org:465")
        #expect(SecretMask.maskURL("not a url") == "***")
        let mask = SecretMask(["https://x.test/hook?key=FAKE-TEST-KEY", "FAKE/+=TEST"])
        #expect(mask.scrub("failed https://x.test/hook?key=FAKE-TEST-KEY and key FAKE-TEST-KEY and FAKE%2F%2B%3DTEST") == "failed *** and key *** and ***")
    }

    @Test("the dry run shows each channel's parts and variables, and reads no environment")
    func dryRun() {
        let digest = DigestFixture.digest(cases: DigestFixture.cases(100, messageLength: 240))
        let channels = WebhookDeliveryTests.channels + [DigestFixture.channel("县局", .email)]
        let text = Notifier.dryRun(digest, to: channels)
        #expect(text.contains("== 东区统计群 (wecom) · regions 510402 · min_severity info · top 10"))
        #expect(text.contains("POST to the webhook in $SG_DING_URL, signed with $SG_DING_SECRET"))
        #expect(text.contains("-- part 1/1 ·"))
        #expect(text.contains("SMTP via $SG_SMTP_URL · from statguard@example.org to chief@example.org, deputy@example.org"))
        #expect(text.contains("Subject: [StatGuard] 2024年12月 数据审核摘要"))
        #expect(Notifier.dryRun(digest, to: []).contains("names no channel"))
    }
}
