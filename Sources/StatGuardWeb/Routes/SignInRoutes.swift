import Foundation
import Hummingbird

/// Signing in and out, from the login page and from the API.
extension Workbench {
    struct LoginForm: Decodable {
        var user: String
        var password: String
        var form_token: String
        var next: String?
    }

    struct LoginRequest: Decodable {
        var user: String
        var password: String
    }

    struct LoginAnswer: Encodable {
        var user: String
        var role: String
        var region: String
        var csrf_token: String
    }

    struct CSRFForm: Decodable {
        var csrf_token: String
    }

    func addSignIn(to router: Router<BasicRequestContext>) {
        router.get("/login") { request, _ in
            let token = Token.random()
            let next = request.uri.queryParameters.get("next") ?? "/"
            return Reply.html(
                LoginPage.render(formToken: token, next: next, message: nil),
                cookies: [Cookie(name: Self.loginCookie, value: token, maxAge: 1800, path: "/login", httpOnly: true, sameSite: .strict)])
        }
        router.post("/login") { request, context in
            guard let form = try? await Form.decode(LoginForm.self, request) else {
                return Reply.html(LoginPage.render(formToken: Token.random(), next: "/", message: "请求无效，请重试。 Invalid request."), status: .badRequest)
            }
            let retry = Token.random()
            let retryCookie = Cookie(name: Self.loginCookie, value: retry, maxAge: 1800, path: "/login", httpOnly: true, sameSite: .strict)
            guard Token.same(request.cookies[Self.loginCookie]?.value ?? "", form.form_token) else {
                return Reply.html(
                    LoginPage.render(formToken: retry, next: form.next ?? "/", message: "页面已过期，请重新登录。 The page expired; sign in again."),
                    status: .forbidden, cookies: [retryCookie])
            }
            guard let account = await checkPassword(name: form.user, password: form.password, context: context) else {
                return Reply.html(
                    LoginPage.render(formToken: retry, next: form.next ?? "/", message: "用户名或密码错误，或账号已停用。 Wrong name or password, or the account is disabled."),
                    status: .unauthorized, cookies: [retryCookie])
            }
            let started = sessions.start(user: account.name)
            return Reply.redirect(form.next ?? "/", cookies: [
                sessionCookie(started.token), Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login", httpOnly: true, sameSite: .strict),
            ])
        }
        router.post("/logout") { request, _ in
            guard let user = try signedIn(request) else { return Reply.redirect("/login") }
            guard let form = try? await Form.decode(CSRFForm.self, request), csrfMatches(user, header: request, form: form.csrf_token) else {
                return Reply.html(ErrorPage.render("缺少或错误的 CSRF 令牌。 Missing or wrong CSRF token.", viewer: nil), status: .forbidden)
            }
            sessions.end(user.token)
            return Reply.redirect("/login", cookies: [sessionCookie("", maxAge: 0)])
        }
        router.post("/api/login") { request, context in
            guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
                return Reply.jsonError(.unsupportedMediaType, "send JSON: {\"user\": …, \"password\": …}")
            }
            guard let body = try? await request.body.collect(upTo: Form.limit),
                  let login = try? JSONDecoder().decode(LoginRequest.self, from: Data(String(buffer: body).utf8))
            else { return Reply.jsonError(.badRequest, "the body is not JSON with user and password") }
            guard let account = await checkPassword(name: login.user, password: login.password, context: context) else {
                return Reply.jsonError(.unauthorized, "wrong name or password, or the account is disabled")
            }
            let started = sessions.start(user: account.name)
            return Reply.json(
                LoginAnswer(user: account.name, role: account.role.rawValue, region: account.region, csrf_token: started.session.csrfToken),
                cookies: [sessionCookie(started.token)])
        }
        router.post("/api/logout") { request, _ in
            guard let user = try signedIn(request) else { return Reply.jsonError(.unauthorized, "not signed in") }
            guard csrfMatches(user, header: request) else { return Reply.jsonError(.forbidden, "missing or wrong X-CSRF-Token") }
            sessions.end(user.token)
            return Reply.json(["signed_out": user.account.name], cookies: [sessionCookie("", maxAge: 0)])
        }
    }
}

/// URL-encoded form bodies, read with a size limit and decoded by Hummingbird's form decoder.
enum Form {
    static let limit = 64 * 1024

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let body = try await request.body.collect(upTo: limit)
        return try URLEncodedFormDecoder().decode(type, from: String(buffer: body))
    }
}
