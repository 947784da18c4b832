import StatGuardCore
import StatGuardReports
import StatGuardStore
import Testing

/// Input shows as text in the Markdown reports (regression: `<script>` in names and a
/// header cell with a newline injecting its own `# heading` into quality.md).
@Suite struct MarkdownEscapingTests {
    static let hostile = "<script>alert(1)</script>\n# 伪造标题 | injected | [点我](javascript:alert(1)) `code` **bold**"

    /// No raw HTML tag, no line that is a heading other than the report's own, no link.
    static func expectInert(_ md: String, ownHeadings: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!md.contains("<script>"), sourceLocation: sourceLocation)
        #expect(!md.replacingOccurrences(of: "\\]", with: "").contains("]("), sourceLocation: sourceLocation)
        #expect(md.contains("&lt;script&gt;"), sourceLocation: sourceLocation)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("#") && $0.contains("伪造标题") }
        #expect(headings.isEmpty, "injected heading: \(headings)", sourceLocation: sourceLocation)
    }

    @Test func alertsShowNamesAndMessagesAsText() {
        let md = AlertsMarkdown.render(
            [ReportFixtures.finding(name: Self.hostile, message: Self.hostile)], ReportFixtures.renderer, pipeline: "test", periodLabel: "2024年3月")
        Self.expectInert(md, ownHeadings: 1)
        // The town table's row keeps its column count (6 pipes for 5 cells): the pipes of the name are escaped.
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| 1 |") }
        let cells = rows.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        #expect(cells == [6], "\(rows)")
    }

    @Test func qualityShowsNoticesAndNotesAsText() {
        let md = QualityMarkdown.render(QualityReportInput(
            record: ReportFixtures.record(text: Self.hostile), periodLabel: "3月", reportingRate: nil, quarantine: [], findings: []))
        Self.expectInert(md, ownHeadings: 7)
    }

    @Test("escape", arguments: [
        ("a|b", "a\\|b"), ("x\ny", "x y"), ("# h", "\\# h"), ("a # b", "a # b"), ("<b>&", "&lt;b&gt;&amp;"),
        ("[x](y)", "\\[x\\](y)"), ("北京焦化", "北京焦化"), ("a\u{2028}b", "a b"), ("`*`", "\\`\\*\\`"),
    ])
    func escape(_ text: String, _ escaped: String) {
        #expect(MarkdownText.escape(text) == escaped)
    }
}
