@testable import StatGuardChecks
import StatGuardCore
import Testing

/// expected_i = x_i(t−12) × e_i(t)/e_i(t−12) × m_k, m_k the class median of
/// [x(t)/x(t−12)] / [e(t)/e(t−12)] (DOMAIN.md), shared by O01, U03 and G02.
@Suite struct ElectricityImpliedOutputTests {
    static func implied(_ fixture: PeriodFixture, minimumPeers: Int = 5) -> ElectricityImpliedOutput {
        ElectricityImpliedOutput(fixture.context, minimumOutput: 100, minimumElectricity: 1, minimumPeers: minimumPeers)
    }

    @Test func expectedOutputFollowsTheFormulaWithTheClassDrift() throws {
        // Five members of 2521 whose prices rose: drifts 1.30 1.32 1.35 1.38 1.40, median 1.35.
        let drifts = [1.30, 1.32, 1.35, 1.38, 1.40]
        let members = drifts.enumerated().map { i, drift in
            Enterprise(
                10 + i, industry: "2521", now: Month(output: 4000 * drift * 1.1, electricity: 110 + Double(i)),
                p12: Month(output: 4000, electricity: (110 + Double(i)) / 1.1))
        }
        let subject = Enterprise(1, industry: "2521", now: Month(output: 9000, electricity: 240), p12: Month(output: 5000, electricity: 200))
        let fixture = PeriodFixture(members + [subject])
        let implied = Self.implied(fixture)
        let row = try #require(fixture.context.reports.creditCodes.firstIndex(of: PeriodFixture.code(1)))
        // Subject drift (9000/5000)/(240/200) = 1.5; class median over six: (1.35 + 1.38) / 2.
        let m = (1.35 + 1.38) / 2
        #expect(abs(implied.drift[row] - m) < 1e-9)
        #expect(abs(implied.expected[row] - 5000 * (240.0 / 200) * m) < 1e-6)
        #expect(abs(implied.ratio[row] - 9000 / (5000 * 1.2 * m)) < 1e-9)
    }

    @Test func smallClassFallsBackToTheAreaDrift() throws {
        let others = Enterprise.peers(6, from: 100, powerSpread: 0)
        let subject = Enterprise(1, industry: "3110", now: Month(output: 9000, electricity: 240), p12: Month(output: 5000, electricity: 200))
        let fixture = PeriodFixture(others + [subject])
        let implied = Self.implied(fixture)
        let row = try #require(fixture.context.reports.creditCodes.firstIndex(of: PeriodFixture.code(1)))
        // The area's median drift over seven units: six at 1, one at 1.5.
        #expect(abs(implied.drift[row] - 1) < 1e-9)
    }

    @Test func unusableHistoryGivesAReasonAndNoExpectation() throws {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 9000, electricity: 240)),
            Enterprise(2, now: Month(output: 9000, electricity: 240), p12: Month(output: 99, electricity: 200)),
            Enterprise(3, now: Month(output: 9000, electricity: 0.5), p12: Month(output: 5000, electricity: 200)),
            Enterprise(4, now: Month(output: 9000, electricity: 240), p12: Month(output: 5000, electricity: 0)),
        ])
        let implied = Self.implied(fixture)
        #expect(implied.skipReason == ["no report a year ago", "output a year ago too small", "electricity too small", "electricity too small"])
        let evaluable = implied.expected.filter { !$0.isNaN }
        #expect(evaluable.isEmpty)
    }
}
