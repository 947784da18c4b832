import Foundation
import StatGuardConfig
@testable import StatGuardNotify
import Testing

/// Digests sent over real HTTP to the loopback fake of the three services: signatures checked
/// as the services check them, their error codes answered on demand.
@Suite("Digests are delivered to chat webhooks", .serialized)
struct WebhookDeliveryTests {
    static let channels = [
        DigestFixture.channel("东区统计群", .wecom, regions: ["510402"]),
        DigestFixture.channel("钉钉群", .dingtalk),
        DigestFixture.channel("飞书群", .feishu),
    ]

    func notifier(_ clock: FakeClock, rateLimit: Int = 20, deadline: Int64 = 120_000) -> Notifier {
        Notifier(transport: URLSessionTransport(timeoutSeconds: 30), clock: clock, deadlineMilliseconds: deadline, rateLimit: rateLimit)
    }

    @Test("each service takes its digest; signed ones pass the services' checks")
    func delivered() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        let outcomes = await notifier(clock).send(DigestFixture.digest(), to: Self.channels, environment: services.environment)
        #expect(outcomes.map(\.channel) == ["东区统计群", "钉钉群", "飞书群"])
        #expect(outcomes.allSatisfy { $0.delivered && $0.partsSent == 1 && $0.attempts == 1 }, "\(outcomes)")
        let received = services.received
        #expect(received.count == 3)
        let wecom = try #require(received.first { $0.kind == .wecom })
        let content = try #require((wecom.json["markdown"] as? [String: Any])?["content"] as? String)
        #expect(content.contains("东城街道") && content.contains("西湖镇"), "routed to 510402's towns")
        #expect(!content.contains("南山街道") && !content.contains("北坡乡"), "not to 510403's")
        let feishu = try #require(received.first { $0.kind == .feishu })
        #expect(feishu.json["timestamp"] as? String == "1700000000")
    }

    @Test("Feishu's older StatusCode replies count as delivered")
    func feishuLegacy() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        services.feishuLegacyReplies = true
        let outcomes = await notifier(clock).send(DigestFixture.digest(), to: [Self.channels[2]], environment: services.environment)
        #expect(outcomes.first?.delivered == true, "\(outcomes)")
    }

    @Test("a rate limit or an HTTP 5xx is retried after a backoff, then succeeds")
    func retryThenSuccess() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        services.script(.wecom, [(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")])
        services.script(.dingtalk, [(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}"), (503, "")])
        services.script(.feishu, [(200, "{\"code\":11232,\"msg\":\"frequency limited\"}")])
        let outcomes = await notifier(clock).send(DigestFixture.digest(), to: Self.channels, environment: services.environment)
        #expect(outcomes.allSatisfy { $0.delivered }, "\(outcomes)")
        #expect(outcomes.map(\.attempts) == [2, 3, 2])
        #expect(clock.sleeps.filter { $0 == 2_000 }.count == 3 && clock.sleeps.contains(4_000))
        #expect(services.received.count == 7)
    }

    @Test("a bad key, token or signature fails permanently at once, without throwing")
    func permanentFailure() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        var environment = services.environment
        environment["SG_WECOM_EAST"] = services.wecomURL.replacingOccurrences(of: FakeChatServices.wecomKey, with: "00000000-wrong-key-0000")
        environment["SG_DING_SECRET"] = "SEC-not-the-robot-secret-0000"
        environment["SG_FEISHU_URL"] = services.feishuURL.replacingOccurrences(of: FakeChatServices.feishuHook, with: "deadbeef-0000-0000-0000-000000000000")
        let outcomes = await notifier(clock).send(DigestFixture.digest(), to: Self.channels, environment: environment)
        #expect(outcomes.map(\.errorCode) == ["93000", "310000", "19001"])
        #expect(outcomes.allSatisfy { $0.permanent && $0.attempts == 1 && $0.partsSent == 0 })
        #expect(clock.sleeps.isEmpty)
        #expect(outcomes[0].errorMessage?.contains("?key=***") == true, "\(outcomes[0])")
        #expect(outcomes[2].errorMessage?.contains("/open-apis/bot/v2/hook/***") == true, "\(outcomes[2])")
    }

    @Test("a rate limit that outlasts the retries gives up, not permanently")
    func retriesExhausted() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        services.script(.wecom, Array(repeating: (200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"), count: 8))
        let outcomes = await notifier(clock).send(DigestFixture.digest(), to: [Self.channels[0]], environment: services.environment)
        #expect(outcomes[0].errorCode == "45009" && !outcomes[0].permanent && outcomes[0].attempts == 5)
        #expect(clock.sleeps == [2_000, 4_000, 8_000, 16_000])
    }

    @Test("the deadline stops retries that would outlast it")
    func deadline() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        services.script(.wecom, Array(repeating: (502, ""), count: 8))
        let start = clock.milliseconds
        let outcomes = await notifier(clock, deadline: 10_000).send(DigestFixture.digest(), to: [Self.channels[0]], environment: services.environment)
        #expect(outcomes[0].errorCode == "http_502" && outcomes[0].errorMessage?.contains("deadline") == true, "\(outcomes[0])")
        #expect(clock.milliseconds - start <= 10_000)
        #expect(outcomes[0].attempts == 3)
    }

    @Test("a transport that hangs is cut off by the real-time hard stop; send returns")
    func hardStop() async throws {
        var notifier = Notifier(transport: HangingTransport(), clock: FakeClock(), deadlineMilliseconds: 300)
        notifier.hardStopGraceMilliseconds = 200
        let began = Date()
        let outcomes = await notifier.send(DigestFixture.digest(), to: [Self.channels[0]], environment: ["SG_WECOM_EAST": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-123456"])
        #expect(Date().timeIntervalSince(began) < 3)
        #expect(outcomes[0].errorCode == DeliveryOutcome.Failure.deadline && outcomes[0].partsSent == 0, "\(outcomes[0])")
    }

    @Test("missing environment variables are that channel's failure, nothing is sent")
    func missingEnvironment() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        var environment = services.environment
        environment["SG_WECOM_EAST"] = nil
        environment["SG_DING_SECRET"] = "  "
        environment["SG_FEISHU_URL"] = "ftp://open.feishu.cn/hook"
        let outcomes = await notifier(clock).send(DigestFixture.digest(), to: Self.channels, environment: environment)
        #expect(outcomes.map(\.errorCode) == ["env_missing", "env_missing", "bad_url"])
        #expect(outcomes[0].errorMessage == "the environment variable SG_WECOM_EAST (the webhook URL) is not set")
        #expect(outcomes[1].errorMessage == "the environment variable SG_DING_SECRET (the signing secret) is not set")
        #expect(outcomes.allSatisfy { $0.permanent } && services.received.isEmpty)
    }

    @Test("a digest in many parts goes out in order within the per-bot rate limit")
    func partsRateLimited() async throws {
        let clock = FakeClock()
        let services = try FakeChatServices(clock: clock)
        defer { services.stop() }
        let digest = DigestFixture.digest(cases: DigestFixture.cases(100, messageLength: 240))
        let channel = DigestFixture.channel("全县", .wecom, top: 100)
        let outcomes = await notifier(clock, rateLimit: 3, deadline: 3_600_000).send(digest, to: [channel], environment: services.environment)
        let received = services.received
        #expect(outcomes[0].delivered && outcomes[0].partsTotal > 6 && received.count == outcomes[0].partsTotal, "\(outcomes)")
        let times = received.map(\.milliseconds)
        for (index, time) in times.enumerated() {
            #expect(times[index...].prefix { $0 < time + 60_000 }.count <= 3)
        }
        let contents = received.compactMap { ($0.json["markdown"] as? [String: Any])?["content"] as? String }
        #expect(contents.enumerated().allSatisfy { $0.element.hasPrefix("（第 \($0.offset + 1)/\(contents.count) 部分）") })
    }

    @Test("a closed port is retried as a transport failure; the message names the masked URL")
    func connectionRefused() async throws {
        let clock = FakeClock()
        let closed = try LoopbackHTTPServer { _ in (200, []) }
        let url = "\(closed.base)/cgi-bin/webhook/send?key=\(FakeChatServices.wecomKey)"
        closed.stop()
        let outcomes = await notifier(clock).send(DigestFixture.digest(), to: [Self.channels[0]], environment: ["SG_WECOM_EAST": url])
        #expect(outcomes[0].errorCode == DeliveryOutcome.Failure.transport && !outcomes[0].permanent && outcomes[0].attempts == 5, "\(outcomes[0])")
        #expect(outcomes[0].errorMessage?.contains("send?key=***") == true)
    }
}

/// A transport that never answers until it is cancelled.
struct HangingTransport: WebhookTransport {
    func post(url: String, body: [UInt8], headers: [String: String]) async throws -> (status: Int, body: [UInt8]) {
        try await Task.sleep(nanoseconds: 30_000_000_000)
        return (200, [])
    }
}
