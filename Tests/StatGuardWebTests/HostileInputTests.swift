import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StatGuardTestSupport
import Testing
@testable import StatGuardWeb

/// Bad input is normal input: random and hostile bodies, paths and query values get a
/// refusal or a page, never a crash, a 500 or an unescaped echo.
@Suite("Workbench under hostile input")
struct HostileInputTests {
    /// Random bodies: bytes of every value, form-like and JSON-like fragments, markup and huge numbers.
    static func bodies(count: Int, seed: UInt64) -> [ByteBuffer] {
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "alert_key=", "status=", "csrf_token=", "user=", "password=", "form_token=", "&", "=", "%", "%zz", "+", "{", "}", "\"",
            "\"alert_key\":", "\"status\":\"explained\"", "\"verified_value\":1e300", "\"reason\":", "[", "]", "null", ",", "<script>",
            "9151170355443322XX/O01/gross_output", "../../etc/passwd", "\u{0}", "长", String(repeating: "9", count: 400),
        ]
        return (0..<count).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                if Bool.random(using: &random) {
                    bytes += Array(pieces.randomElement(using: &random)!.utf8)
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &random))
                }
            }
            return ByteBuffer(bytes: bytes)
        }
    }

    @Test("random bodies to every form and API endpoint are refused with a 4xx, never a 500; nothing is logged as a decision")
    func randomBodies() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "town-a"))
            let endpoints: [(String, HTTPFields)] = [
                ("/login", [.contentType: "application/x-www-form-urlencoded"]),
                ("/api/login", [.contentType: "application/json"]),
                ("/triage", [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]),
                ("/api/triage", session.headers(json: true)),
                ("/api/logout", [.cookie: session.cookie]),
            ]
            for (index, (path, headers)) in endpoints.enumerated() {
                for body in Self.bodies(count: 150, seed: UInt64(index + 1)) {
                    let response = try await client.execute(uri: path, method: .post, headers: headers, body: body)
                    #expect((400..<500).contains(response.status.code), "\(path) answered \(response.status.code) to \(String(buffer: body).debugDescription)")
                }
            }
            #expect(try fixture.store.auditLog().isEmpty)
            #expect(try await session.get(client, "/api/periods").status == .ok)
        }
    }

    @Test("hostile paths and query values give a page or a refusal, with the value escaped where it is shown")
    func hostileQueries() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "county"))
            let values = [
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "99999999999999999999999", "-9223372036854775808", "1e300", "%00", "%FF%FE",
                "'%20OR%201=1--", String(repeating: "A", count: 5000), "2024-13", "..%2F..%2Fstore.sqlite",
            ]
            for value in values {
                for uri in [
                    "/cases?period=\(value)&town=\(value)&rule=\(value)&severity=\(value)&status=\(value)&page=\(value)&category=\(value)",
                    "/?period=\(value)", "/summary?period=\(value)", "/quality?period=\(value)", "/enterprises/\(value)?period=\(value)",
                    "/api/cases?period=\(value)&limit=\(value)&offset=\(value)&town=\(value)", "/api/enterprises/\(value)",
                ] {
                    let response = try await session.get(client, uri)
                    #expect([200, 404].contains(response.status.code), "\(uri) answered \(response.status.code)")
                    #expect(!response.text.contains("<script>alert"), "\(uri) echoed markup")
                }
            }
        }
    }
}
