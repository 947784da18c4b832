/// The sign-in page. Its form carries a one-time token matched against a cookie set with
/// the page, so another site cannot sign a browser in under its own account.
enum LoginPage {
    static func render(formToken: String, next: String, message: String?) -> String {
        let h = Layout.h
        let notice = message.map { "<p class=\"error\">\(h($0))</p>" } ?? ""
        return Layout.page(title: "登录", viewer: nil, path: "/login", body: """
            <h1>StatGuard 统计数据质量工作台 <small>Sign in</small></h1>\(notice)
            <form method="post" action="/login" class="filters">
            <input type="hidden" name="form_token" value="\(h(formToken))"><input type="hidden" name="next" value="\(h(next))">
            <label>用户名 User <input name="user" autocomplete="username" required></label>
            <label>密码 Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button>登录 Sign in</button></form>
            <p class="muted">账号由管理员用 <code>statguard users add</code> 添加；没有默认账号。 Accounts are added with <code>statguard users add</code>; there is no default account.</p>
            """)
    }
}
