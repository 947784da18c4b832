import Foundation
import HTTPTypes
import Hummingbird
import StatGuardCore

/// The signed-in user of a request: the session cookie names a live session whose account
/// is still enabled (disabling an account ends its sessions at their next request).
struct SignedIn: Sendable {
    var account: UserAccount
    var session: Session
    var token: String
}

extension Workbench {
    static let sessionCookie = "sg_session"
    static let loginCookie = "sg_login"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// The request's signed-in user, or nil. A store that cannot be read is a 503, not a sign-out.
    func signedIn(_ request: Request) throws(HTTPError) -> SignedIn? {
        guard let token = request.cookies[Self.sessionCookie]?.value, let session = sessions.session(token) else { return nil }
        let account: UserAccount?
        do { account = try accounts.active(session.user) } catch {
            throw HTTPError(.serviceUnavailable, message: "cannot read the store: \(error)")
        }
        guard let account else {
            sessions.end(token)
            return nil
        }
        return SignedIn(account: account, session: session, token: token)
    }

    /// Whether a state-changing request carries its session's CSRF token (header or form field).
    func csrfMatches(_ user: SignedIn, header request: Request, form: String? = nil) -> Bool {
        let sent = form ?? request.headers[Self.csrfHeader] ?? ""
        return Token.same(sent, user.session.csrfToken)
    }

    /// The session cookie: HttpOnly, SameSite=Strict, for the whole site; an empty value ends it.
    func sessionCookie(_ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: Self.sessionCookie, value: value, maxAge: maxAge ?? settings.sessionLifetime.clampedInt ?? 0, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// Checks a name and password with the throttle: waits first when the name has failed
    /// repeatedly, and logs every failure (never the password).
    func checkPassword(name: String, password: String, context: BasicRequestContext) async -> UserAccount? {
        let delay = throttle.delay(for: name)
        if delay > 0 { await pause(delay) }
        let account = try? accounts.authenticate(name: name, password: password)
        if let account {
            throttle.succeeded(name)
            context.logger.info("sign-in", metadata: ["user": .string(name)])
            return account
        }
        let failures = throttle.failed(name)
        context.logger.warning("failed sign-in", metadata: ["user": .string(name), "failures": .stringConvertible(failures)])
        return nil
    }
}
