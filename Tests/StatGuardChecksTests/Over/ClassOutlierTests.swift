import Foundation
import StatGuardChecks
import StatGuardCore
import Testing

/// O04 (Hidiroglou-Berthelot year on year), O05 (December push), O06 (productivity):
/// the checks that judge an enterprise against its 4-digit class.
@Suite struct ClassOutlierTests {
    // MARK: O04 year-on-year outlier (HB)

    /// Twelve members of class 3011 growing 3%-10.7%, electricity alike.
    static let classPeers = Enterprise.peers(12, from: 100)

    /// The subject: 5,000 千元 a year ago, `output` now, electricity flat at 200 unless told.
    static func subject(output: Double, electricity: Double = 200) -> Enterprise {
        Enterprise(1, now: Month(output: output, electricity: electricity), p12: Month(output: 5000, electricity: 200))
    }

    /// HB over the class with the subject at `output`, as O04 computes it.
    static func hb(subjectOutput output: Double, c: Double) -> HidiroglouBerthelot.Outcome {
        let current = classPeers.map { $0.now!.output } + [output]
        let previous = classPeers.map { $0.history[12]!.output } + [5000]
        return HidiroglouBerthelot(c: c).apply(current: current, previous: previous)
    }

    /// The subject's output whose HB effect is `effect` (above the class median ratio).
    static func output(forEffect effect: Double, medianRatio: Double) -> Double {
        var (low, high) = (5000 * medianRatio, 1e7)
        for _ in 0..<200 {
            let mid = (low + high) / 2
            let e = (mid / (5000 * medianRatio) - 1) * max(mid, 5000).squareRoot()
            if e < effect { low = mid } else { high = mid }
        }
        return low
    }

    @Test func outputUpOneHundredFiftyPercentInASteadyClassIsAnOutlier() {
        let fixture = PeriodFixture(Self.classPeers + [Self.subject(output: 12500)])
        let result = fixture.evaluate(O04_YearOnYearOutlier.self)
        #expect(result.failed == 1)
        let finding = result.findings(about: 1).first
        expectFinding(
            finding, rule: "O04", category: .over, severity: .warning, indicator: "gross_output",
            figures: ["150.0%", "5,000", "12,500", "3011"])
        #expect(finding?.observed == "150.0%")
        #expect(result.evaluated == 13)
        #expect(result.notes.first?.contains("C = 20.0 for warnings") == true)
        #expect(result.notes.first?.contains("R type 7") == true)
    }

    @Test func effectJustInsideTheWarningBoundPasses() {
        let far = Self.hb(subjectOutput: 12500, c: 20)
        let inside = Self.output(forEffect: far.upper * 0.99, medianRatio: far.medianRatio)
        let check = Self.hb(subjectOutput: inside, c: 20)
        #expect(check.upper == far.upper)  // the subject stays in the upper tail: quartiles unchanged
        #expect(!check.isOutlier(12))
        // Electricity down 25%, so electricity does not explain the growth: only the HB bound decides.
        let fixture = PeriodFixture(Self.classPeers + [Self.subject(output: inside, electricity: 150)])
        #expect(fixture.evaluate(O04_YearOnYearOutlier.self).findings.isEmpty)

        let outside = Self.output(forEffect: far.upper * 1.01, medianRatio: far.medianRatio)
        let beyond = PeriodFixture(Self.classPeers + [Self.subject(output: outside, electricity: 150)])
        #expect(beyond.evaluate(O04_YearOnYearOutlier.self).findings(about: 1).count == 1)
    }

    @Test func hitsAtTheNarrowWidthAreInfoWithZeroScore() {
        let wide = Self.hb(subjectOutput: 12500, c: 20)
        let narrow = Self.hb(subjectOutput: 12500, c: 4)
        let between = Self.output(forEffect: (narrow.upper + wide.upper) / 2, medianRatio: wide.medianRatio)
        let fixture = PeriodFixture(Self.classPeers + [Self.subject(output: between, electricity: 150)])
        #expect(fixture.evaluate(O04_YearOnYearOutlier.self).findings.isEmpty)
        let result = fixture.evaluate(O04_YearOnYearOutlier.self, CheckSettings(parameters: ["c_info": 4]))
        let finding = result.findings(about: 1).first
        #expect(finding?.severity == .info)
        #expect(finding?.score == 0)
    }

    /// The suspicion behind an O04 score: score × county total / |output − expected output|.
    static func suspicion(of finding: Finding?, output: Double, fixture: PeriodFixture, medianRatio: Double) -> Double {
        let total = fixture.enterprises.compactMap { $0.now?.output }.reduce(0, +)
        return (finding?.score ?? .nan) * total / abs(output - 5000 * medianRatio)
    }

    @Test func suspicionJustPastEitherBoundIsAboutOne() throws {
        // Regression: a drop past the lower bound scored the maximum suspicion (5) however
        // close to the bound it lay, because both the effect and the bound are negative.
        let far = Self.hb(subjectOutput: 12500, c: 20)
        let above = Self.output(forEffect: far.upper * 1.01, medianRatio: far.medianRatio)
        let high = PeriodFixture(Self.classPeers + [Self.subject(output: above, electricity: 150)])
        let highFinding = try #require(high.evaluate(O04_YearOnYearOutlier.self).findings(about: 1).first)
        #expect(abs(Self.suspicion(of: highFinding, output: above, fixture: high, medianRatio: far.medianRatio) - 1.01) < 0.005)

        let low = Self.hb(subjectOutput: 100, c: 20)
        // Below last year's 5,000: E = (1 − r_M / (x / 5000)) × √5000.
        let below = 5000 * low.medianRatio / (1 - low.lower * 1.01 / 5000.0.squareRoot())
        let dropFixture = PeriodFixture(Self.classPeers + [Self.subject(output: below, electricity: 300)])
        let lowFinding = try #require(dropFixture.evaluate(O04_YearOnYearOutlier.self).findings(about: 1).first)
        #expect(Self.hb(subjectOutput: below, c: 20).lower == low.lower)
        #expect(abs(Self.suspicion(of: lowFinding, output: below, fixture: dropFixture, medianRatio: low.medianRatio) - 1.01) < 0.005)
    }

    @Test func banffQuartilesAreUsedWhenAsked() {
        let fixture = PeriodFixture(Self.classPeers + [Self.subject(output: 12500)])
        let result = fixture.evaluate(O04_YearOnYearOutlier.self, CheckSettings(parameters: ["quartile_type": 6]))
        #expect(result.notes.first?.contains("(n+1)p") == true)
        #expect(result.findings(about: 1).count == 1)
    }

    @Test func outlierWhoseElectricityMovedAlikeIsExplained() {
        let fixture = PeriodFixture(Self.classPeers + [Self.subject(output: 12500, electricity: 500)])
        let result = fixture.evaluate(O04_YearOnYearOutlier.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 13)
    }

    @Test func classTooSmallForHBIsNotEvaluated() {
        let fixture = PeriodFixture(Array(Self.classPeers.prefix(8)) + [Self.subject(output: 12500)])
        let result = fixture.evaluate(O04_YearOnYearOutlier.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["too few enterprises in the class with output now and a year ago"] == 9)
    }

    @Test func memberWithoutLastYearIsNotEvaluatedByHB() {
        let fixture = PeriodFixture(Self.classPeers + [Enterprise(1, now: Month(output: 12500, electricity: 200))])
        let result = fixture.evaluate(O04_YearOnYearOutlier.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no positive output now and a year ago"] == 1)
        #expect(result.evaluated == 12)
    }

    // MARK: O05 December push

    /// Six class members whose December is 0.98-1.02 × their October-November mean.
    static let decemberPeers: [Enterprise] = [0.98, 0.99, 1.0, 1.01, 1.02, 1.0].enumerated().map { i, jump in
        let base = 4000 + 300 * Double(i)
        return Enterprise(
            100 + i, now: Month(output: base * jump, electricity: 160), p1: Month(output: base, electricity: 160),
            p2: Month(output: base, electricity: 160))
    }

    static func december(_ output: Double, electricity: Double = 200) -> PeriodFixture {
        PeriodFixture(period: Period(year: 2024, month: 12), decemberPeers + [Enterprise(
            1, now: Month(output: output, electricity: electricity), p1: Month(output: 5000, electricity: 200),
            p2: Month(output: 5000, electricity: 200))])
    }

    @Test func decemberSpikeAboveTheClassIsAYearEndPush() {
        let result = Self.december(7600).evaluate(O05_YearEndPush.self)
        #expect(result.failed == 1)
        let finding = result.findings(about: 1).first
        expectFinding(
            finding, rule: "O05", category: .over, severity: .warning, indicator: "gross_output",
            figures: ["7,600", "5,000", "1.52", "1.00"])
        #expect(finding?.expected == "≤ 7,500")
    }

    @Test func decemberJustBelowTheHighRatioPasses() {
        let result = Self.december(7450).evaluate(O05_YearEndPush.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 7)
    }

    @Test func decemberSpikeWithElectricityAlikeIsExplained() {
        let result = Self.december(9000, electricity: 360).evaluate(O05_YearEndPush.self)
        #expect(result.findings.isEmpty)
    }

    @Test func otherMonthsAreSkipped() {
        var fixture = Self.december(9000)
        fixture.period = Period(year: 2024, month: 11)
        let result = fixture.evaluate(O05_YearEndPush.self)
        #expect(result.skipped == "evaluated in December only")
        #expect(result.findings.isEmpty)
    }

    @Test func decemberWithoutOctoberAndNovemberIsNotEvaluated() {
        var fixture = Self.december(7450)
        fixture.add(Enterprise(2, now: Month(output: 90000, electricity: 200)))
        let result = fixture.evaluate(O05_YearEndPush.self)
        #expect(result.findings(about: 2).isEmpty)
        #expect(result.notEvaluated["no October and November output"] == 1)
    }

    // MARK: O06 productivity outlier

    /// Output per employee of the class, logs, with the subject at `perEmployee`.
    static func perEmployeeCenterAndScale(subject perEmployee: Double) -> (median: Double, scale: Double) {
        medianAndScaledMAD(classPeers.map { log($0.now!.output / $0.now!.employees) } + [log(perEmployee)])
    }

    /// The subject: 100 employees and output per 万kWh of 25 (typical), output per employee `perEmployee`;
    /// before, a typical 50 per employee (last period, two back and a year ago), so it moved there this month.
    static func productive(_ perEmployee: Double) -> Enterprise {
        let typical = Month(output: 5000, electricity: 200, employees: 100)
        return Enterprise(1, now: Month(output: perEmployee * 100, electricity: perEmployee * 4, employees: 100), p1: typical, p2: typical, p12: typical)
    }

    @Test func outputPerEmployeeFarAboveTheClassIsInflated() {
        let fixture = PeriodFixture(Self.classPeers + [Self.productive(500)])
        let result = fixture.evaluate(O06_ProductivityOutlier.self)
        #expect(result.failed == 1)
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "O06", category: .over, severity: .warning, indicator: "output_per_employee", figures: ["500", "3011"])
        #expect(finding?.messageZh.contains("人均产值") == true)
    }

    @Test func robustZJustBelowTheLimitPasses() {
        let (center, scale) = Self.perEmployeeCenterAndScale(subject: 1e6)
        let inside = exp(center + 3.4 * scale)
        #expect(Self.perEmployeeCenterAndScale(subject: inside) == (center, scale))
        let fixture = PeriodFixture(Self.classPeers + [Self.productive(inside)])
        let result = fixture.evaluate(O06_ProductivityOutlier.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 13)

        let outside = PeriodFixture(Self.classPeers + [Self.productive(exp(center + 3.6 * scale))])
        #expect(outside.evaluate(O06_ProductivityOutlier.self).findings(about: 1).first?.messageEn.contains("robust z 3.60") == true)
    }

    @Test func outputPerKilowattHourFarAboveTheClassIsInflated() {
        let fixture = PeriodFixture(Self.classPeers + [Enterprise(1, now: Month(output: 5000, electricity: 10, employees: 100))])
        let finding = fixture.evaluate(O06_ProductivityOutlier.self).findings(about: 1).first
        expectFinding(finding, rule: "O06", category: .over, severity: .warning, indicator: "output_per_electricity", figures: ["500"])
    }

    @Test func productivityInASmallClassIsNotEvaluated() {
        let fixture = PeriodFixture(Array(Self.classPeers.prefix(4)) + [Self.productive(5000)])
        let result = fixture.evaluate(O06_ProductivityOutlier.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["too few class peers or no output, employees or electricity"] == 5)
    }

    @Test func aStandingEfficiencyIsNotFlaggedEveryMonth() {
        // The same enterprise, as productive last period, two back and a year ago: its own level, not news.
        var standing = Self.productive(500)
        standing.history[1] = standing.now
        standing.history[2] = standing.now
        standing.history[12] = standing.now
        let peers = Self.classPeers.map { peer -> Enterprise in
            var p = peer
            p.history[1] = p.now
            p.history[12] = p.now
            return p
        }
        #expect(PeriodFixture(peers + [standing]).evaluate(O06_ProductivityOutlier.self).findings(about: 1).isEmpty)
        // Typical before, 500 now: it appeared this month, so it is flagged.
        let appeared = Self.productive(500)
        #expect(PeriodFixture(peers + [appeared]).evaluate(O06_ProductivityOutlier.self).findings(about: 1).count == 1)
    }

    @Test func withoutHistoryOnlyAnExtremeOutlierIsFlagged() {
        // No earlier period to tell a standing feature from news: z must pass z_without_history (6).
        let now = Month(output: 50_000, electricity: 2_000, employees: 100)
        let fixture = PeriodFixture(Self.classPeers + [Enterprise(1, now: now)])
        let result = fixture.evaluate(O06_ProductivityOutlier.self)
        #expect(result.findings(about: 1).isEmpty)
        let extreme = PeriodFixture(Self.classPeers + [Enterprise(1, now: Month(output: 500_000, electricity: 20_000, employees: 100))])
        #expect(extreme.evaluate(O06_ProductivityOutlier.self).findings(about: 1).count == 1)
    }
}
