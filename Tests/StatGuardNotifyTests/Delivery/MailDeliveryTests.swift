import Foundation
import StatGuardConfig
@testable import StatGuardNotify
import Testing

/// Mail through the real curl to a loopback SMTP sink.
@Suite("Digests are mailed through curl", .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct MailDeliveryTests {
    static let user = "statguard@example.org"
    static let password = "p@ss W0rd\"x\\y"
    static let channel = DigestFixture.channel("县局", .email)

    static func environment(_ sink: SMTPSink, password: String = password) -> [String: String] {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return ["SG_SMTP_URL": "smtp://statguard%40example.org:\(encoded)@127.0.0.1:\(sink.port)"]
    }

    @Test("curl logs in with the URL's account and delivers a text + HTML message with the input escaped")
    func delivered() async throws {
        let sink = try SMTPSink(user: Self.user, password: Self.password)
        defer { sink.stop() }
        let digest = DigestFixture.digest(cases: DigestFixture.cases(3) + RenderingTests.hostile.cases)
        let outcomes = await Notifier(clock: FakeClock()).send(digest, to: [Self.channel], environment: Self.environment(sink))
        #expect(outcomes[0].delivered && outcomes[0].partsTotal == 1, "\(outcomes)")
        let mail = try #require(sink.received.first)
        #expect(mail.from == "statguard@example.org" && mail.recipients == ["chief@example.org", "deputy@example.org"])
        #expect(mail.user == Self.user && mail.password == Self.password)
        #expect(mail.data.contains("Content-Type: multipart/alternative"))
        let parts = mail.data.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").dropFirst().map { part in
            String(decoding: Data(base64Encoded: part.components(separatedBy: "\r\n--").first!.replacingOccurrences(of: "\r\n", with: "")) ?? Data(), as: UTF8.self)
        }
        #expect(parts.count == 2)
        #expect(parts[0].contains("企业0有限公司") && parts[0].contains("报送率 96.0%"))
        #expect(parts[1].contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") && !parts[1].contains("<script>"))
    }

    @Test("a refused login is a permanent failure with the password nowhere in the outcome")
    func loginDenied() async throws {
        let sink = try SMTPSink(user: Self.user, password: Self.password)
        defer { sink.stop() }
        let wrong = "Wr0ng-Passw0rd-123"
        let outcomes = await Notifier(clock: FakeClock()).send(
            DigestFixture.digest(), to: [Self.channel], environment: Self.environment(sink, password: wrong))
        #expect(outcomes[0].errorCode == "curl_67" && outcomes[0].permanent && outcomes[0].attempts == 1, "\(outcomes)")
        #expect(sink.loginsRefused >= 1 && sink.received.isEmpty)
        #expect(!outcomes[0].description.contains(wrong) && outcomes[0].description.contains("smtp://***@127.0.0.1"))
    }

    @Test("curl's command line holds no account; its configuration on stdin does")
    func processList() {
        let transport = CurlMailTransport()
        let server = SMTPServer.parse("smtps://user%40example.org:s3cret%22pw@mail.example.org")!
        #expect(server.implicitTLS && server.port == 465 && server.user == "user@example.org" && server.password == "s3cret\"pw")
        #expect(CurlMailTransport.arguments == ["-q", "-K", "-"])
        let configuration = transport.configuration(server: server, from: "a@example.org", to: ["b@example.org"], file: "/tmp/m.eml")
        #expect(configuration.contains("url = \"smtps://mail.example.org:465\"\n"))
        #expect(configuration.contains("user = \"user@example.org:s3cret\\\"pw\"\n"))
        #expect(configuration.contains("\nssl-reqd\n") && configuration.contains("mail-rcpt = \"b@example.org\"\n"))
        #expect(server.description == "smtps://***@mail.example.org:465")
    }

    @Test("an unreachable server is retried, then reported as not permanent")
    func unreachable() async throws {
        let sink = try SMTPSink(user: Self.user, password: Self.password)
        let environment = Self.environment(sink)
        sink.stop()
        let clock = FakeClock()
        let outcomes = await Notifier(clock: clock).send(DigestFixture.digest(), to: [Self.channel], environment: environment)
        #expect(outcomes[0].errorCode == "curl_7" && !outcomes[0].permanent && outcomes[0].attempts == 5, "\(outcomes)")
        #expect(clock.sleeps == [2_000, 4_000, 8_000, 16_000])
    }
}
