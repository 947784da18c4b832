import StatGuardCore
import StatGuardReports
import Testing

/// The texts written once per run are the renderer's, in alerts.csv's order, and a case
/// line gets its finding's own texts or none.
@Suite struct RankedFindingsTests {
    static let findings = [
        ReportFixtures.finding(message: "低分", score: 0.1, number: 1),
        ReportFixtures.finding(message: "高分", score: 0.9, number: 2),
        ReportFixtures.finding(message: "同键较低", score: 0.2, number: 2),
    ]

    @Test func textsAreTheRenderersInRankOrder() {
        let ranked = RankedFindings(Self.findings, ReportFixtures.renderer)
        #expect(ranked.findings == AlertsCSV.ranked(Self.findings))
        #expect(ranked.keys == ranked.findings.map(AlertKey.init))
        #expect(ranked.texts == ranked.findings.map { FindingTexts($0, ReportFixtures.renderer) })
        #expect(ranked.texts.map(\.messageZh) == ["高分", "同键较低", "低分"])
    }

    @Test func aCaseLineGetsItsKeysFirstFindingsTexts() {
        let ranked = RankedFindings(Self.findings, ReportFixtures.renderer)
        let lines = AlertCase.cases(Self.findings, statuses: [:]).flatMap(\.lines)
        #expect(lines.map { ranked.texts(of: $0)?.messageZh } == ["高分", "低分"])
    }

    @Test("a line whose finding is not the ranked one gets no texts (regression guard: a stale message)")
    func aForeignLineGetsNone() {
        let ranked = RankedFindings(Self.findings, ReportFixtures.renderer)
        var line = AlertCase.cases(Self.findings, statuses: [:])[0].lines[0]
        line.finding.score = 0.95
        #expect(ranked.texts(of: line) == nil)
    }

    @Test func casesCSVIsTheSameWithOrWithoutTheSharedTexts() {
        let cases = AlertCase.cases(Self.findings, statuses: [:])
        let ranked = RankedFindings(Self.findings, ReportFixtures.renderer)
        #expect(CasesCSV.render(cases, ReportFixtures.renderer, ranked: ranked) == CasesCSV.render(cases, ReportFixtures.renderer))
    }

    @Test func noFindingsNoTexts() {
        let ranked = RankedFindings([], ReportFixtures.renderer)
        #expect(ranked.findings.isEmpty && ranked.texts.isEmpty && ranked.keys.isEmpty)
    }
}
