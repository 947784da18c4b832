import StatGuardChecks
import StatGuardCore
import Testing

/// C08: figures revised again and again, or onto a round target or a round growth rate.
@Suite struct RevisionTests {
    /// A revision of `field` of enterprise 1 in the fixture's period.
    static func revision(_ field: String = "gross_output", old: Double, new: Double) -> FigureRevision {
        FigureRevision(
            period: Period(year: 2024, month: 6), creditCode: PeriodFixture.code(1), field: field, old: old, new: new,
            at: "2024-07-10T02:00:00Z", fileSHA256: "feed")
    }

    /// Enterprise 1 reporting `output` now and `lastYear` a year ago, revised as `revisions` say.
    static func fixture(
        output: Double, lastYear: Double = 1000, _ revisions: [FigureRevision], earlier: [FigureRevision] = []
    ) -> PeriodFixture {
        var fixture = PeriodFixture([Enterprise(1, now: Month(output: output, electricity: 40), p12: Month(output: lastYear, electricity: 40))])
        fixture.revisions = revisions
        fixture.earlierRevisions = earlier
        return fixture
    }

    @Test func ordinaryRevisionIsSilent() {
        let result = Self.fixture(output: 1301.7, [Self.revision(old: 1234.5, new: 1301.7)]).evaluate(C08_RepeatedRevisions.self)
        #expect(result.findings.isEmpty)
        #expect(result.evaluated == 1 && result.passed == 1)
    }

    @Test func noRevisionIsNotEvaluated() {
        let result = Self.fixture(output: 1301.7, []).evaluate(C08_RepeatedRevisions.self)
        #expect(result.evaluated == 0 && result.findings.isEmpty && result.notEvaluated["no figure revised"] == 1)
    }

    @Test func secondRevisionOfTheSameFigureIsRepeated() throws {
        let result = Self.fixture(output: 1320.4, [Self.revision(old: 1301.7, new: 1320.4)], earlier: [Self.revision(old: 1234.5, new: 1301.7)])
            .evaluate(C08_RepeatedRevisions.self)
        let finding = try #require(result.findings.first)
        expectFinding(finding, rule: "C08", category: .consistency, severity: .warning, indicator: "gross_output", figures: ["1,301.7", "1,320.4"])
        #expect(finding.variant == "" && finding.messageZh.contains("第2次修改"))
        #expect(finding.observed == "2 revisions")
    }

    @Test func earlierRevisionOfAnotherFigureDoesNotCount() {
        let result = Self.fixture(output: 1320.4, [Self.revision(old: 1301.7, new: 1320.4)], earlier: [Self.revision("sales_output", old: 1200, new: 1250.3)])
            .evaluate(C08_RepeatedRevisions.self)
        #expect(result.findings.isEmpty)
    }

    @Test func revisionOntoARoundGrowthRate() throws {
        // 1,080 on last year's 1,000 is exactly 8.0%; 1,051.3 was 5.13%.
        let result = Self.fixture(output: 1080, [Self.revision(old: 1051.3, new: 1080)]).evaluate(C08_RepeatedRevisions.self)
        let finding = try #require(result.findings.first)
        #expect(finding.variant == "growth" && finding.messageZh.contains("同比恰为8.0%"))
    }

    @Test func revisionOntoARoundTarget() throws {
        // 2,000 on last year's 1,037.3 is no round growth, but a round amount.
        let result = Self.fixture(output: 2000, lastYear: 1037.3, [Self.revision(old: 1873.4, new: 2000)]).evaluate(C08_RepeatedRevisions.self)
        let finding = try #require(result.findings.first)
        #expect(finding.variant == "round" && finding.messageZh.contains("1,000千元的整数倍"))
    }

    @Test func revisionThatWasAlreadyRoundIsSilent() {
        let result = Self.fixture(output: 3000, lastYear: 1037.3, [Self.revision(old: 2000, new: 3000)]).evaluate(C08_RepeatedRevisions.self)
        #expect(result.findings.isEmpty)
    }

    @Test func thresholdsComeFromThePipeline() {
        let fixture = Self.fixture(output: 1320.4, [Self.revision(old: 1301.7, new: 1320.4)], earlier: [Self.revision(old: 1234.5, new: 1301.7)])
        let settings = CheckSettings(parameters: ["repeat_count": 3])
        #expect(fixture.evaluate(C08_RepeatedRevisions.self, settings).findings.isEmpty)
    }
}
