/// A refusal or failure as a page, with the frame when the user is signed in.
enum ErrorPage {
    static func render(_ message: String, viewer: Viewer?) -> String {
        Layout.page(title: "无法显示", viewer: viewer, path: "/", body: "<p class=\"error\">\(Layout.h(message))</p><p><a href=\"/\">返回概览 Back to the overview</a></p>")
    }
}
