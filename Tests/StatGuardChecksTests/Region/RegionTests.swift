import Foundation
import StatGuardChecks
import StatGuardCore
import StatGuardTestSupport
import Testing

/// G01-G04: findings about a county or a town rather than one enterprise.
@Suite struct RegionTests {
    // MARK: G01 Benford

    /// `count` enterprises of `county`, each with six money figures drawn by `draw`.
    static func county(_ county: String, enterprises count: Int, from first: Int, draw: () -> Double) -> [Enterprise] {
        (0..<count).map { i in
            Enterprise(
                first + i, region: county + "001001",
                now: Month(
                    output: draw(), electricity: 100, sales: draw(), export: draw(), outputYTD: draw(), salesYTD: draw(),
                    revenueYTD: draw()))
        }
    }

    /// 100 enterprises (600 figures) with Benford first digits in county 510402, 100 with uniform ones in 510403.
    static func benfordFixture(benfordCount: Int = 100) -> PeriodFixture {
        var random = SeededGenerator(seed: 2024)
        let benford = county("510402", enterprises: benfordCount, from: 1000) { pow(10, Double.random(in: 2..<6, using: &random)) }
        let uniform = county("510403", enterprises: 100, from: 2000) {
            Double.random(in: 10..<100, using: &random) * pow(10, Double(Int.random(in: 1...3, using: &random)))
        }
        return PeriodFixture(benford + uniform)
    }

    @Test func countyWithUniformFirstDigitsIsNonconforming() {
        let result = Self.benfordFixture().evaluate(G01_BenfordNonconformity.self)
        let finding = result.findings.first { $0.regionCode == "510403" }
        // A screening signal for a county, not a call to an enterprise: info by default.
        expectFinding(finding, rule: "G01", category: .over, severity: .info, indicator: "money figures", figures: ["600", "510403", "MAD 0.0"])
        #expect(finding?.scope == .region)
        #expect(finding?.creditCode == nil)
    }

    @Test func countyFollowingBenfordWithSixHundredFiguresConforms() {
        // Regression: 600 genuinely Benford figures have a MAD near 0.0032 from sampling alone,
        // above Nigrini's 0.0022, so every county of a few hundred figures was nonconforming.
        // G01 now judges the excess over that sampling MAD.
        let result = Self.benfordFixture().evaluate(G01_BenfordNonconformity.self)
        #expect(!result.findings.contains { $0.regionCode == "510402" })
        #expect(result.evaluated == 2)
        #expect(result.failed == 1)
        #expect(result.notes.contains { $0.hasPrefix("510402") })
    }

    @Test func countyWithFewFiguresIsNotTested() {
        let result = Self.benfordFixture(benfordCount: 40).evaluate(G01_BenfordNonconformity.self)
        #expect(!result.findings.contains { $0.regionCode == "510402" })
        #expect(result.notEvaluated["too few figures to test"] == 1)
    }

    // MARK: G02 town output growth above electricity

    /// `count` class-3011 enterprises of `town` whose output grew by `growth` on flat electricity.
    static func town(_ town: String, count: Int, from first: Int, growth: Double) -> [Enterprise] {
        (0..<count).map { i in
            Enterprise.steady(
                first + i, region: town + "001", output: 4000 + 250 * Double(i), electricity: 160 + 10 * Double(i),
                growth: growth, powerGrowth: 1)
        }
    }

    @Test func townGrowingThirtyPercentOnFlatElectricityIsFound() {
        // Town B's ten members keep class 3011's drift at 1, so town A's 30% is not a class price move.
        let fixture = PeriodFixture(Self.town(PeriodFixture.townA, count: 6, from: 100, growth: 1.3) + Self.town(PeriodFixture.townB, count: 10, from: 200, growth: 1))
        let result = fixture.evaluate(G02_RegionGrowthAboveElectricity.self)
        #expect(result.failed == 1)
        #expect(result.passed == 1)
        let finding = result.findings.first { $0.scope == .region }
        expectFinding(finding, rule: "G02", category: .over, severity: .warning, indicator: "gross_output", figures: [PeriodFixture.townA, "1.30"])
        #expect(finding?.regionCode == PeriodFixture.townA)
        #expect(finding?.messageZh.contains("6家") == true)
        // Each member growing 30% on flat power is named too (above 1.1, half the bound's excess).
        let members = result.findings.filter { $0.scope == .enterprise }
        #expect(members.count == 6)
        #expect(members.allSatisfy { $0.messageZh.contains("1.30倍") })
        // Each enterprise alone stays below O01's 1.35.
        #expect(fixture.evaluate(O01_AboveElectricityImpliedOutput.self).findings.isEmpty)
    }

    @Test func oneEnterpriseInATownDoesNotCarryTheTown() {
        // One member's output in 元 (×1000) swamps the town's sum, not its median.
        var members = Self.town(PeriodFixture.townA, count: 6, from: 100, growth: 1)
        members[0].now!.output *= 1000
        let fixture = PeriodFixture(members + Self.town(PeriodFixture.townB, count: 10, from: 200, growth: 1))
        #expect(fixture.evaluate(G02_RegionGrowthAboveElectricity.self).findings.isEmpty)
    }

    @Test func townGrowingNineteenPercentAboveElectricityPasses() {
        let fixture = PeriodFixture(Self.town(PeriodFixture.townA, count: 6, from: 100, growth: 1.19) + Self.town(PeriodFixture.townB, count: 10, from: 200, growth: 1))
        let result = fixture.evaluate(G02_RegionGrowthAboveElectricity.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 2)
    }

    @Test func townWithFewEnterprisesWithHistoryIsNotEvaluated() {
        let fixture = PeriodFixture(Self.town(PeriodFixture.townC, count: 4, from: 100, growth: 1.6) + Self.town(PeriodFixture.townB, count: 10, from: 200, growth: 1))
        let result = fixture.evaluate(G02_RegionGrowthAboveElectricity.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["too few enterprises with history in the town"] == 1)
    }

    // MARK: G03 reporting rate

    /// `due` operating 规上 enterprises of `town`, the first `reported` of which reported.
    static func reporting(_ town: String, due: Int, reported: Int, from first: Int) -> [Enterprise] {
        (0..<due).map { i in
            Enterprise(first + i, region: town + "001", now: i < reported ? Month(output: 3000 + Double(i), electricity: 100) : nil)
        }
    }

    @Test func townWithNineOfTwelveReportedIsBelowTarget() {
        let fixture = PeriodFixture(Self.reporting(PeriodFixture.townA, due: 12, reported: 9, from: 100))
        let result = fixture.evaluate(G03_LowReportingRate.self)
        let finding = result.findings.first
        expectFinding(finding, rule: "G03", category: .under, severity: .warning, indicator: "reporting_rate", figures: ["75.0%", "90.0%", PeriodFixture.townA])
        #expect(finding?.messageZh.contains("应报12家、已报9家") == true)
    }

    @Test func townAtTheTargetPasses() {
        let fixture = PeriodFixture(Self.reporting(PeriodFixture.townB, due: 20, reported: 18, from: 200))
        let result = fixture.evaluate(G03_LowReportingRate.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func townWithNineDueIsNotEvaluated() {
        let fixture = PeriodFixture(Self.reporting(PeriodFixture.townC, due: 9, reported: 0, from: 300))
        let result = fixture.evaluate(G03_LowReportingRate.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["too few enterprises due"] == 1)
    }

    // MARK: G04 uniform growth

    /// Enterprises of `town` growing by the given rates from 4,000 + 500 i 千元 a year ago.
    static func growing(_ town: String, _ rates: [Double], from first: Int) -> [Enterprise] {
        rates.enumerated().map { i, rate in
            let before = 4000 + 500 * Double(i)
            return Enterprise(first + i, region: town + "001", now: Month(output: before * (1 + rate), electricity: 100 + Double(i)), p12: Month(output: before, electricity: 100))
        }
    }

    @Test func fourOfSixEnterprisesAtEightPercentIsHandedDown() {
        let fixture = PeriodFixture(Self.growing(PeriodFixture.townA, [0.08, 0.08, 0.03, 0.08, 0.12, 0.08], from: 100))
        let result = fixture.evaluate(G04_UniformGrowth.self)
        let finding = result.findings.first
        expectFinding(finding, rule: "G04", category: .over, severity: .warning, indicator: "gross_output growth", figures: ["8.0%", PeriodFixture.townA, "66.7%"])
        #expect(finding?.observed == "4 of 6 at 8.0%")
        // And each of the four sharing the rate, one line per enterprise to phone.
        let members = result.findings.filter { $0.scope == .enterprise }
        #expect(members.count == 4)
        #expect(Set(members.map(\.observed)) == ["8.0%"])
        #expect(result.failed == 1)
    }

    @Test func threeSharingAGrowthRateOrTooSmallAShareIsNotUniform() {
        let three = PeriodFixture(Self.growing(PeriodFixture.townA, [0.08, 0.08, 0.03, 0.08, 0.12, 0.05], from: 100))
        #expect(three.evaluate(G04_UniformGrowth.self).findings.isEmpty)
        let rates = [0.08, 0.08, 0.08, 0.08] + (0..<10).map { 0.01 * Double($0) + 0.001 }
        let diluted = PeriodFixture(Self.growing(PeriodFixture.townB, rates, from: 200))
        let result = diluted.evaluate(G04_UniformGrowth.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func townWithThreeEnterprisesWithHistoryIsNotEvaluated() {
        let fixture = PeriodFixture(Self.growing(PeriodFixture.townC, [0.08, 0.08, 0.08], from: 300))
        let result = fixture.evaluate(G04_UniformGrowth.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["too few enterprises with output a year ago"] == 1)
    }
}
