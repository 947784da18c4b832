import StatGuardChecks
import StatGuardCore
import Testing

/// N01: a figure off by a factor of 10 or 1000 against the enterprise's own history.
@Suite struct UnitMixUpTests {
    /// Output 4,800-5,100 千元 in the last three periods and a year ago (median 4,950), electricity about 200.
    static func history(_ now: Month) -> Enterprise {
        Enterprise(
            1, now: now, p1: Month(output: 5000, electricity: 200), p2: Month(output: 5100, electricity: 204),
            p3: Month(output: 4900, electricity: 196), p12: Month(output: 4800, electricity: 190))
    }

    @Test func outputInYuanIsAThousandfoldUnitError() {
        let fixture = PeriodFixture([Self.history(Month(output: 5_000_000, electricity: 200, sales: 4900))])
        let result = fixture.evaluate(N01_UnitMixUp.self)
        #expect(result.failed == 1)
        #expect(result.findings.count == 1)
        let finding = result.findings.first
        expectFinding(finding, rule: "N01", category: .unit, severity: .error, indicator: "gross_output", figures: ["5,000,000", "4,950"])
        #expect(finding?.messageZh.contains("1000倍") == true)
        #expect(finding?.expected == "≈ 4,950")
    }

    @Test func outputInTenThousandsIsATenthUnitError() {
        let fixture = PeriodFixture([Self.history(Month(output: 495, electricity: 200, sales: 4900))])
        let finding = fixture.evaluate(N01_UnitMixUp.self).findings.first
        expectFinding(finding, rule: "N01", category: .unit, severity: .error, indicator: "gross_output", figures: ["495", "4,950"])
        #expect(finding?.messageZh.contains("1/10") == true)
    }

    @Test func salesEnteredInWanIsFoundOnItsOwn() {
        // Sales history is 98% of output: median 4,851; 48,510 is ten times that, on flat electricity.
        let fixture = PeriodFixture([Self.history(Month(output: 4950, electricity: 200, sales: 48510))])
        let finding = fixture.evaluate(N01_UnitMixUp.self).findings.first
        expectFinding(finding, rule: "N01", category: .unit, severity: .error, indicator: "sales_output", figures: ["48,510", "4,851"])
    }

    @Test func jumpJustOutsideTheToleranceOfTenfoldPasses() {
        // log10(6.2) = 0.792: 0.208 from 1, beyond the 0.2 tolerance. 6.4 (0.806) would be inside.
        let result = PeriodFixture([Self.history(Month(output: 4950 * 6.2, electricity: 200))]).evaluate(N01_UnitMixUp.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
        let inside = PeriodFixture([Self.history(Month(output: 4950 * 6.4, electricity: 200))]).evaluate(N01_UnitMixUp.self)
        #expect(inside.findings.first?.indicator == "gross_output")
    }

    @Test func thousandfoldInAMonthThePlantRanLessIsStillFound() {
        // The plant really ran at 60% (electricity 120 against 198) and reported 2,970 in 元: 600× its level, 1000× net of its power.
        let result = PeriodFixture([Self.history(Month(output: 2_970_000, electricity: 120, sales: 2900))]).evaluate(N01_UnitMixUp.self)
        let finding = result.findings.first
        expectFinding(finding, rule: "N01", category: .unit, severity: .error, indicator: "gross_output", figures: ["2,970,000", "4,950"])
        #expect(finding?.messageZh.contains("1000倍") == true)
    }

    @Test func aRealFallWithItsElectricityIsNoUnitError() {
        // Output and electricity both at 60% of their levels: nothing near a unit factor, raw or net of power.
        let result = PeriodFixture([Self.history(Month(output: 2970, electricity: 120, sales: 2900))]).evaluate(N01_UnitMixUp.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func tenfoldGrowthWithTenfoldElectricityIsReal() {
        let fixture = PeriodFixture([Self.history(Month(output: 49500, electricity: 2000))])
        let result = fixture.evaluate(N01_UnitMixUp.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func figuresWithoutHistoryAreNotEvaluated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5_000_000, electricity: 200))])
        let result = fixture.evaluate(N01_UnitMixUp.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no history of the figures"] == 1)
    }
}
