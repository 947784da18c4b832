import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StatGuardAccounts
import StatGuardCore
import StatGuardTestSupport
import Testing
@testable import StatGuardWeb

/// Who may see and change what: every role against every other role's enterprise, in pages
/// and in the API; sign-in, CSRF, disabled accounts and expired sessions.
@Suite("Workbench access")
struct WorkbenchAccessTests {
    /// A clock tests move by hand.
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    /// Pauses a throttled login asked for.
    final class Pauses: @unchecked Sendable {
        var seconds: [TimeInterval] = []
    }

    @Test("the health check needs no sign-in; pages send to the login page and the API answers 401 in JSON")
    func signInRequired() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok && health.text.contains("ok"))
            let page = try await client.execute(uri: "/cases", method: .get)
            #expect(page.status == .seeOther && page.headers[.location] == "/login?next=%2Fcases")
            let api = try await client.execute(uri: "/api/cases", method: .get)
            #expect(api.status == .unauthorized)
            #expect((api.json as? [String: Any])?["error"] is String)
        }
    }

    @Test("a wrong password is refused, and after three failures each attempt waits longer, the right password included")
    func failedLoginsAreSlowed() async throws {
        let fixture = try WorkbenchFixture()
        let pauses = Pauses()
        let app = Application(router: try fixture.workbench(pause: { pauses.seconds.append($0) }).router())
        try await app.test(.router) { client in
            for _ in 0..<5 {
                let refused = try await TestSession.login(client, "town-a", password: "wrong-password-1")
                #expect(refused == nil)
            }
            #expect(pauses.seconds.count == 2 && pauses.seconds[1] > pauses.seconds[0])
            let accepted = try await TestSession.login(client, "town-a")
            #expect(accepted != nil)
            #expect(pauses.seconds.count == 3)
            let unknown = try await TestSession.login(client, "nobody")
            #expect(unknown == nil)
        }
    }

    @Test("a town user's cases are its town's only; the two towns' queues do not overlap")
    func casesAreScoped() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            var keys: [String: Set<String>] = [:]
            for (user, town) in [("town-a", fixture.townA), ("town-b", fixture.townB)] {
                let session = try #require(try await TestSession.login(client, user))
                let lines = try #require(try await session.get(client, "/api/cases?period=2024-12").json as? [[String: Any]])
                #expect(!lines.isEmpty)
                #expect(lines.allSatisfy { ($0["region_code"] as? String)?.hasPrefix(town) == true })
                keys[user] = Set(lines.compactMap { $0["alert_key"] as? String })
                // Asking for the other town gives nothing.
                let other = town == fixture.townA ? fixture.townB : fixture.townA
                let foreign = try #require(try await session.get(client, "/api/cases?period=2024-12&town=\(other)").json as? [[String: Any]])
                #expect(foreign.isEmpty)
            }
            #expect(keys["town-a"]!.isDisjoint(with: keys["town-b"]!))
        }
    }

    @Test("each role against each other role's enterprise, in the page and in the API")
    func enterprisesAreScoped() async throws {
        let fixture = try WorkbenchFixture()
        let county = String(fixture.townA.prefix(6))
        let sameCounty = fixture.townB.hasPrefix(county)
        let expectations: [(user: String, enterprise: String, visible: Bool)] = [
            ("town-a", fixture.enterpriseA, true), ("town-a", fixture.enterpriseB, false),
            ("town-b", fixture.enterpriseA, false), ("town-b", fixture.enterpriseB, true),
            ("county", fixture.enterpriseA, true), ("county", fixture.enterpriseB, sameCounty),
            ("other-county", fixture.enterpriseA, false), ("other-county", fixture.enterpriseB, false),
            ("admin", fixture.enterpriseA, true), ("admin", fixture.enterpriseB, true),
        ]
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            for (user, enterprise, visible) in expectations {
                let session = try #require(try await TestSession.login(client, user))
                let page = try await session.get(client, "/enterprises/\(enterprise)?period=2024-12")
                let api = try await session.get(client, "/api/enterprises/\(enterprise)?period=2024-12")
                #expect(page.status == (visible ? .ok : .notFound), "\(user) → \(enterprise) page")
                #expect(api.status == (visible ? .ok : .notFound), "\(user) → \(enterprise) API")
                if visible {
                    #expect((api.json as? [String: Any])?["credit_code"] as? String == enterprise)
                    #expect(page.text.contains("核实 Triage"))
                } else {
                    #expect(!page.text.contains(enterprise.dropLast(4)) || page.text.contains("没有该企业"))
                }
            }
        }
    }

    @Test("triage needs the session's CSRF token; with it the decision is logged under the user's name")
    func triageNeedsCSRF() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "town-a"))
            let lines = try #require(try await session.get(client, "/api/cases?period=2024-12&status=open").json as? [[String: Any]])
            let key = try #require(lines.first?["alert_key"] as? String)
            let body = #"{"alert_key":"\#(key)","status":"explained","reason":"新生产线投产，见说明"}"#
            #expect(try await session.triage(client, body, csrf: "").status == .forbidden)
            #expect(try await session.triage(client, body, csrf: String(repeating: "0", count: 64)).status == .forbidden)
            #expect(try fixture.store.auditLog().isEmpty)
            let done = try await session.triage(client, body)
            #expect(done.status == .ok, "\(done.text)")
            let entry = try #require(try fixture.store.auditLog().last)
            #expect(entry.key.description == key && entry.by == "town-a" && entry.to == .explained)
            // The key has left the open queue.
            let open = try #require(try await session.get(client, "/api/cases?period=2024-12&status=open").json as? [[String: Any]])
            #expect(!open.contains { $0["alert_key"] as? String == key })
            // A form post without its token is refused too.
            let form = try await client.execute(
                uri: "/triage", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "alert_key=\(key)&status=open&csrf_token=forged"))
            #expect(form.status == .forbidden)
            #expect(try fixture.store.auditLog().count == 1)
        }
    }

    @Test("a town user cannot triage another town's alert: 404, and nothing is logged")
    func triageOutsideRegion() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let other = try #require(try await TestSession.login(client, "town-b"))
            let lines = try #require(try await other.get(client, "/api/cases?period=2024-12").json as? [[String: Any]])
            let key = try #require(lines.first?["alert_key"] as? String)
            let session = try #require(try await TestSession.login(client, "town-a"))
            let refused = try await session.triage(client, #"{"alert_key":"\#(key)","status":"false_alarm","reason":"x"}"#)
            #expect(refused.status == .notFound)
            #expect(try fixture.store.auditLog().isEmpty)
        }
    }

    @Test("disabling an account ends its sessions at their next request")
    func disabledUser() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "town-a"))
            #expect(try await session.get(client, "/api/periods").status == .ok)
            try Accounts(store: fixture.store).setDisabled("town-a")
            #expect(try await session.get(client, "/api/periods").status == .unauthorized)
            #expect(try await TestSession.login(client, "town-a") == nil)
        }
    }

    @Test("a session ends after two idle hours, and after twelve in all")
    func expiredSession() async throws {
        let fixture = try WorkbenchFixture()
        let clock = Clock()
        let app = Application(router: try fixture.workbench(clock: { clock.now }).router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "town-a"))
            clock.now += 3600
            #expect(try await session.get(client, "/api/periods").status == .ok)
            clock.now += 2 * 3600 + 1
            #expect(try await session.get(client, "/api/periods").status == .unauthorized)
            let busy = try #require(try await TestSession.login(client, "town-a"))
            for _ in 0..<12 {
                clock.now += 3600
                _ = try await busy.get(client, "/api/periods")
            }
            #expect(try await busy.get(client, "/api/periods").status == .unauthorized)
        }
    }

    @Test("signing out needs the token and ends the session")
    func signOut() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "admin"))
            let forged = try await client.execute(uri: "/api/logout", method: .post, headers: session.headers(csrf: "nope"))
            #expect(forged.status == .forbidden)
            #expect(try await session.get(client, "/api/periods").status == .ok)
            let out = try await client.execute(uri: "/api/logout", method: .post, headers: session.headers())
            #expect(out.status == .ok)
            #expect(try await session.get(client, "/api/periods").status == .unauthorized)
        }
    }

    @Test("the login form is refused without the token its page set in a cookie")
    func loginFormToken() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let refused = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "user=town-a&password=\(WorkbenchFixture.password)&form_token=guess"))
            #expect(refused.status == .forbidden && refused.headers[.setCookie]?.contains("sg_session") != true)
            let page = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(page.headers[.setCookie]).split(separator: ";")[0]
            let token = String(cookie.split(separator: "=")[1])
            let accepted = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: String(cookie)],
                body: ByteBuffer(string: "user=town-a&password=\(WorkbenchFixture.password)&form_token=\(token)&next=%2Fcases"))
            #expect(accepted.status == .seeOther && accepted.headers[.location] == "/cases")
            let session = try #require(accepted.headers[values: .setCookie].first { $0.hasPrefix("sg_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
        }
    }

    @Test("after sign-in the form sends only to a path on this server", arguments: [
        ("%2Fcases%3Fperiod%3D2024-12", "/cases?period=2024-12"), ("%2F%2Fevil.example", "/"), ("%2F%5Cevil.example", "/"),
        ("https%3A%2F%2Fevil.example", "/"), ("%2Fok%0D%0ASet-Cookie%3A%20x%3Dy", "/"),
    ])
    func redirectsStayLocal(next: String, expected: String) async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(page.headers[.setCookie]).split(separator: ";")[0]
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: String(cookie)],
                body: ByteBuffer(string: "user=town-a&password=\(WorkbenchFixture.password)&form_token=\(cookie.split(separator: "=")[1])&next=\(next)"))
            #expect(response.status == .seeOther && response.headers[.location] == expected)
        }
    }

    @Test("names from input are escaped on every page; no page runs a script")
    func escaping() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "admin"))
            let page = try await session.get(client, "/enterprises/\(fixture.markupEnterprise)?period=2024-12")
            #expect(page.status == .ok)
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;钢铁厂"))
            #expect(!page.text.contains("<script"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            for path in ["/", "/cases?status=all", "/summary", "/quality"] {
                let other = try await session.get(client, path)
                #expect(other.status == .ok, "\(path)")
                #expect(!other.text.contains("<script"), "\(path)")
            }
        }
    }

    @Test("serve refuses a store with no account, and says how to add one")
    func noDefaultAccount() throws {
        let fixture = try WorkbenchFixture()
        for user in ["town-a", "town-b", "county", "other-county", "admin"] { try Accounts(store: fixture.store).setDisabled(user) }
        #expect(throws: WorkbenchError.self) { try fixture.workbench() }
        let serve = try CommandRunner.run(["serve", "--pipeline", fixture.pipeline.file])
        #expect(serve.exitCode == 2 && serve.standardError.contains("statguard users add"))
    }
}
