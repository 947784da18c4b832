import Crypto
import Foundation
import StatGuardConfig

/// WeCom, DingTalk and Feishu as a loopback fake: one HTTP server that checks each request the
/// way the service does (key or token, DingTalk's 加签 in the URL, Feishu's signature in the
/// body, the size limits), answers the service's own result codes, and records what it took.
///
/// Signatures are checked here with swift-crypto directly, not with the code under test.
/// Replies can be scripted per service (a rate limit first, then the normal answer).
final class FakeChatServices: @unchecked Sendable {
    struct Received: Sendable {
        var kind: ChannelKind
        var target: String
        var body: [UInt8]
        /// The fake clock's time when the request arrived.
        var milliseconds: Int64
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]) ?? [:] }
    }

    static let wecomKey = "693a91f6-7b1c-4bc4-97a0-0ec2sifa5aaa"
    static let dingTalkToken = "b955e1c0a7d94b3f8c1e2d3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b"
    static let feishuHook = "7c3f2a9e-41b6-4c1d-9e0f-5a6b7c8d9e0f"
    static let dingTalkSecret = "SECf094e0d33f8a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3"
    static let feishuSecret = "qJ7xK2mN9pR4sT6v"

    private let lock = NSLock()
    private let clock: FakeClock
    private var scripts: [ChannelKind: [(Int, String)]] = [:]
    private var log: [Received] = []
    private var server: LoopbackHTTPServer!
    /// Answer Feishu in its older `StatusCode` form.
    var feishuLegacyReplies = false

    init(clock: FakeClock) throws {
        self.clock = clock
        server = try LoopbackHTTPServer { [unowned self] request in self.handle(request) }
    }

    func stop() { server.stop() }

    /// The webhook URLs the environment would hold.
    var wecomURL: String { "\(server.base)/cgi-bin/webhook/send?key=\(Self.wecomKey)" }
    var dingTalkURL: String { "\(server.base)/robot/send?access_token=\(Self.dingTalkToken)" }
    var feishuURL: String { "\(server.base)/open-apis/bot/v2/hook/\(Self.feishuHook)" }

    /// The environment of a bureau whose three bots are this fake.
    var environment: [String: String] {
        [
            "SG_WECOM_EAST": wecomURL, "SG_DING_URL": dingTalkURL, "SG_DING_SECRET": Self.dingTalkSecret,
            "SG_FEISHU_URL": feishuURL, "SG_FEISHU_SECRET": Self.feishuSecret,
        ]
    }

    /// The next requests to `kind` get these answers (status, JSON text), before any check.
    func script(_ kind: ChannelKind, _ replies: [(Int, String)]) {
        lock.lock()
        scripts[kind, default: []] += replies
        lock.unlock()
    }

    var received: [Received] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    private func handle(_ request: LoopbackHTTPServer.Request) -> (status: Int, body: [UInt8]) {
        let kind: ChannelKind
        if request.target.hasPrefix("/cgi-bin/webhook/send") {
            kind = .wecom
        } else if request.target.hasPrefix("/robot/send") {
            kind = .dingtalk
        } else if request.target.hasPrefix("/open-apis/bot/v2/hook/") {
            kind = .feishu
        } else {
            return (404, Array("{}".utf8))
        }
        lock.lock()
        log.append(Received(kind: kind, target: request.target, body: request.body, milliseconds: clock.milliseconds))
        let scripted = scripts[kind]?.isEmpty == false ? scripts[kind]!.removeFirst() : nil
        lock.unlock()
        if let (status, text) = scripted { return (status, Array(text.utf8)) }
        guard request.method == "POST", request.headers["content-type"]?.hasPrefix("application/json") == true else {
            return reply(kind, 40008, "fake: expected a JSON POST")
        }
        switch kind {
        case .wecom: return wecom(request)
        case .dingtalk: return dingTalk(request)
        default: return feishu(request)
        }
    }

    private func wecom(_ request: LoopbackHTTPServer.Request) -> (status: Int, body: [UInt8]) {
        guard query(request.target)["key"] == Self.wecomKey else {
            return reply(.wecom, 93000, "invalid webhook url, hint: [1700000000_fake], from ip: 127.0.0.1")
        }
        let json = ((try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]) ?? [:]
        guard json["msgtype"] as? String == "markdown", let content = (json["markdown"] as? [String: Any])?["content"] as? String
        else { return reply(.wecom, 40008, "invalid message type") }
        guard content.utf8.count <= 4096 else { return reply(.wecom, 40058, "markdown.content exceed max length 4096") }
        return reply(.wecom, 0, "ok")
    }

    private func dingTalk(_ request: LoopbackHTTPServer.Request) -> (status: Int, body: [UInt8]) {
        let items = query(request.target)
        guard items["access_token"] == Self.dingTalkToken else { return reply(.dingtalk, 300005, "token is not exist") }
        guard let timestamp = items["timestamp"].flatMap({ Int64($0) }), let sign = items["sign"] else {
            return reply(.dingtalk, 310000, "sign not match")
        }
        guard abs(clock.milliseconds - timestamp) <= 3_600_000 else { return reply(.dingtalk, 310000, "invalid timestamp") }
        let key = SymmetricKey(data: Data(Self.dingTalkSecret.utf8))
        let expected = Data(HMAC<SHA256>.authenticationCode(for: Data("\(timestamp)\n\(Self.dingTalkSecret)".utf8), using: key))
        guard sign == expected.base64EncodedString() else { return reply(.dingtalk, 310000, "sign not match") }
        guard request.body.count <= 20_000 else { return reply(.dingtalk, 999_999, "fake: body over 20000 bytes") }
        let json = ((try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]) ?? [:]
        let markdown = json["markdown"] as? [String: Any]
        guard json["msgtype"] as? String == "markdown", markdown?["title"] is String, markdown?["text"] is String else {
            return reply(.dingtalk, 40035, "缺少参数 markdown")
        }
        return reply(.dingtalk, 0, "ok")
    }

    private func feishu(_ request: LoopbackHTTPServer.Request) -> (status: Int, body: [UInt8]) {
        guard request.target == "/open-apis/bot/v2/hook/\(Self.feishuHook)" else {
            return reply(.feishu, 19001, "param invalid: incoming webhook access token invalid")
        }
        let json = ((try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]) ?? [:]
        guard let timestampText = json["timestamp"] as? String, let timestamp = Int64(timestampText), let sign = json["sign"] as? String,
              abs(clock.milliseconds / 1000 - timestamp) <= 3600
        else { return reply(.feishu, 19021, "sign match fail or timestamp is not within one hour from current time") }
        let key = SymmetricKey(data: Data("\(timestamp)\n\(Self.feishuSecret)".utf8))
        let expected = Data(HMAC<SHA256>.authenticationCode(for: Data(), using: key)).base64EncodedString()
        guard sign == expected else {
            return reply(.feishu, 19021, "sign match fail or timestamp is not within one hour from current time")
        }
        guard request.body.count <= 20_000 else { return reply(.feishu, 9499, "fake: body over 20000 bytes") }
        let card = json["card"] as? [String: Any]
        guard json["msg_type"] as? String == "interactive", card?["elements"] is [Any] else {
            return reply(.feishu, 19002, "params error, msg_type need")
        }
        return reply(.feishu, 0, "success")
    }

    private func reply(_ kind: ChannelKind, _ code: Int, _ message: String) -> (status: Int, body: [UInt8]) {
        let object: [String: Any]
        switch kind {
        case .feishu where feishuLegacyReplies: object = ["Extra": NSNull(), "StatusCode": code, "StatusMessage": message]
        case .feishu: object = ["code": code, "msg": message, "data": [String: Any]()]
        default: object = ["errcode": code, "errmsg": message]
        }
        return (200, Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data()))
    }

    /// The query's items, percent-decoded.
    private func query(_ target: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in URLComponents(string: "http://x" + target)?.queryItems ?? [] { result[item.name] = item.value }
        return result
    }
}
