import Foundation
import StatGuardCore
import StatGuardReports
import Testing

/// 查询单: one letter per enterprise, each questioned figure with what it was compared with and why.
@Suite struct QueryLetterTests {
    static let hostile = "<script>alert(1)</script>|# 标题"

    static func letter() -> QueryLetter {
        QueryLetter(
            findings: [
                ReportFixtures.finding(name: hostile, message: "产值高于推算值。", score: 0.2, ruleID: "O01", observed: "12,000"),
                ReportFixtures.finding(name: hostile, message: "出口大于销售。", score: 0.5, ruleID: "C01", observed: "5,200"),
            ],
            renderer: ReportFixtures.renderer, bureau: "达川区统计局", periodLabel: "2024年3月", date: "2024-04-10", replyBy: "2024-04-17")
    }

    @Test func itemsInScoreOrderWithTheirComparisonAndReason() {
        let letter = Self.letter()
        #expect(letter.items.map(\.ruleID) == ["C01", "O01"])
        #expect(letter.items[0].observed == "5,200" && letter.items[0].expected == "≤ 1,000" && letter.items[0].message == "出口大于销售。")
        #expect(letter.items[0].indicator == "工业总产值")
        #expect(letter.reference == "CX-2024-03-\(letter.creditCode)")
        let md = letter.markdown
        #expect(md.contains("于 **2024-04-17** 前书面说明情况") && md.contains("达川区统计局在审核贵单位报送的2024年3月"))
        #expect(md.contains("| 1 | C01 C01 | 工业总产值 | 5,200 | ≤ 1,000 | 出口大于销售。 |"))
        #expect(md.contains("单位负责人（签字）"))
    }

    /// The letter's Markdown and HTML equal the committed files (`STATGUARD_UPDATE_GOLDEN=1` rewrites them).
    @Test func letterMatchesItsGoldenFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let letter = Self.letter()
        for (name, text) in [("letter.md", letter.markdown), ("letter.html", letter.html)] {
            let url = folder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["STATGUARD_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            #expect(try String(contentsOf: url, encoding: .utf8) == text, "\(name) differs from its golden file")
        }
    }

    @Test func inputIsEscapedInBothForms() {
        let letter = Self.letter()
        #expect(!letter.markdown.contains("<script>") && letter.markdown.contains("&lt;script&gt;"))
        #expect(!letter.markdown.split(separator: "\n").contains { $0.hasPrefix("# 标题") })
        #expect(!letter.html.contains("<script>") && letter.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;|# 标题"))
        #expect(letter.html.hasPrefix("<!DOCTYPE html>") && !letter.html.contains("http"))
    }

    @Test func topLettersGoToTheHighestTotalScores() {
        let findings = [
            ReportFixtures.finding(score: 0.3, number: 1), ReportFixtures.finding(score: 0.3, ruleID: "C01", number: 1),
            ReportFixtures.finding(score: 0.5, number: 2), ReportFixtures.finding(score: 0.05, severity: .info, number: 3),
        ]
        let letters = QueryLetter.letters(
            findings, renderer: ReportFixtures.renderer, bureau: "局", periodLabel: "3月", date: "2024-04-10", replyBy: "2024-04-17", top: 5)
        #expect(letters.map(\.items.count) == [2, 1], "enterprise 1 (0.6) before 2 (0.5); info-only enterprise 3 gets none")
    }
}

/// The paragraph summary.md opens with.
@Suite struct SummaryLeadTests {
    @Test func openErrorsNameTheCountyTheyMoveMost() {
        let findings = [
            ReportFixtures.finding(score: 0.4, severity: .error, number: 1),
            ReportFixtures.finding(score: 0.1, severity: .error, number: 2),
            ReportFixtures.finding(score: 0.9, severity: .warning, number: 3),
        ]
        let open = SummaryLead.OpenErrors(findings)
        #expect(open.count == 2)
        #expect(open.scoreByCounty == ["511703": 0.5])
    }
}
