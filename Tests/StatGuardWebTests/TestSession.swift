import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import StatGuardWeb

/// A signed-in client of the router tests: the session cookie and the CSRF token a login gave.
struct TestSession: Equatable {
    var cookie: String
    var csrf: String

    /// Signs `user` in through `POST /api/login`; nil when refused.
    static func login(_ client: some TestClientProtocol, _ user: String, password: String = WorkbenchFixture.password) async throws -> TestSession? {
        let response = try await client.execute(
            uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"user":"\#(user)","password":"\#(password)"}"#))
        guard response.status == .ok, let setCookie = response.headers[.setCookie],
              let answer = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any],
              let csrf = answer["csrf_token"] as? String
        else { return nil }
        return TestSession(cookie: String(setCookie.split(separator: ";")[0]), csrf: csrf)
    }

    /// Headers carrying the session cookie (and the CSRF token unless `csrf` says otherwise).
    func headers(csrf: String? = nil, json: Bool = false) -> HTTPFields {
        var fields: HTTPFields = [.cookie: cookie]
        fields[HTTPField.Name("X-CSRF-Token")!] = csrf ?? self.csrf
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers())
    }

    /// `POST /api/triage` with `body`, sending `csrf` as the token (the session's when nil, none when "").
    func triage(_ client: some TestClientProtocol, _ body: String, csrf: String? = nil) async throws -> TestResponse {
        var fields = headers(csrf: csrf, json: true)
        if csrf == "" { fields[HTTPField.Name("X-CSRF-Token")!] = nil }
        return try await client.execute(uri: "/api/triage", method: .post, headers: fields, body: ByteBuffer(string: body))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as JSON (an object or an array).
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
}
