import StatGuardCore
import StatGuardIngest
import Testing

/// Encoding pins (`--encoding`, the pipeline file).
@Suite struct TextEncodingTests {
    @Test func pinNames() {
        for name in ["utf-8", "UTF8", "utf_8", "utf-8-sig", "UTF-8-BOM"] { #expect(TextEncoding(name: name) == .utf8, "\(name)") }
        for name in ["gb18030", "GBK", "gb2312", "CP936", "GB-18030"] { #expect(TextEncoding(name: name) == .gb18030, "\(name)") }
        for name in ["latin1", "utf-16", "", "big5"] { #expect(TextEncoding(name: name) == nil, "\(name)") }
    }
}
