import StatGuardChecks
import StatGuardCore
import Testing

/// The per-enterprise baselines: level, spread, class shift, the year-ago view and how they agree.
@Suite struct EnterpriseBaselineTests {
    /// Six members of class 3011 whose output per kWh stays at 25 (history and now).
    static let steadyClass: [Enterprise] = (0..<6).map { i in
        let m = Month(output: 5000 + 400 * Double(i), electricity: (5000 + 400 * Double(i)) / 25)
        return Enterprise(100 + i, now: m, p1: m, p2: m, p3: m, p12: m)
    }

    /// The context of the steady class and `subject` (enterprise 1), its output-per-kWh baseline and the subject's row.
    static func judged(_ subject: Enterprise) -> (context: CheckContext, baseline: EnterpriseBaseline, row: Int) {
        let context = PeriodFixture(steadyClass + [subject]).context
        return (context, context.baseline(.outputPerElectricity), context.reports.rowIndex()[PeriodFixture.code(1)]!)
    }

    @Test func levelIsTheMedianWithLastYearCountedTwice() {
        // Output per kWh 30, 20, 20 in the last three months and 25 a year ago: the median of
        // 30, 20, 20, 25, 25 is 25, where a plain median of four would say 22.5.
        let subject = Enterprise(
            1, now: Month(output: 5000, electricity: 200), p1: Month(output: 6000, electricity: 200),
            p2: Month(output: 4000, electricity: 200), p3: Month(output: 4000, electricity: 200), p12: Month(output: 5000, electricity: 200))
        let (_, baseline, row) = Self.judged(subject)
        #expect(baseline.level[row] == 25)
        #expect(baseline.departure[row] == 1)
        #expect(baseline.yearAgo[row] == 1)
        // Deviations 0.2, 0.2, 0.2, 0, 0: median 0.2, scaled by 1.4826 (kept in single precision).
        #expect(abs(baseline.spread[row] - 0.2 * 1.4826) < 1e-6)
    }

    @Test func classShiftIsRemoved() {
        // Every member sells 20% dearer on the same electricity (a price rise): nobody departs.
        let risen = Self.steadyClass.map { e -> Enterprise in
            var e = e
            e.now!.output *= 1.2
            return e
        }
        let context = PeriodFixture(risen).context
        let baseline = context.baseline(.outputPerElectricity)
        #expect((0..<6).allSatisfy { abs(baseline.departure[$0] - 1) < 1e-6 })
        #expect(baseline.note.contains("6 enterprises judged against their own history"))
    }

    @Test func aClassWithTooFewPeersTakesTheOverallShift() {
        // The steady class sells 20% dearer; a lone member of class 1311 sells 50% dearer. Its class is too small for a
        // shift of its own, so it is judged against the overall one (the median of 1.2 ×6 and 1.5): it departs by 1.25.
        let risen = Self.steadyClass.map { e -> Enterprise in
            var e = e
            e.now!.output *= 1.2
            return e
        }
        let steady = Month(output: 5000, electricity: 200)
        let lone = Enterprise(
            1, industry: "1311", now: Month(output: 7500, electricity: 200), p1: steady, p2: steady, p3: steady, p12: steady)
        let context = PeriodFixture(risen + [lone]).context
        let baseline = context.baseline(.outputPerElectricity)
        let row = context.reports.rowIndex()[PeriodFixture.code(1)]!
        #expect(abs(baseline.departure[row] - 1.25) < 1e-6)
        #expect((0..<7).filter { $0 != row }.allSatisfy { abs(baseline.departure[$0] - 1) < 1e-6 })
    }

    @Test func oneEarlierPeriodIsNoBaseline() {
        let subject = Enterprise(1, now: Month(output: 5000, electricity: 200), p1: Month(output: 5000, electricity: 200))
        let (_, baseline, row) = Self.judged(subject)
        #expect(!baseline.has(row))
        #expect(baseline.withoutBaseline == 1)
        #expect(baseline.note.contains("1 with fewer than 2 earlier periods judged against their class only"))
    }

    @Test func bothViewsMustAgree() {
        let subject = Enterprise(
            1, now: Month(output: 6500, electricity: 200), p1: Month(output: 5000, electricity: 200),
            p2: Month(output: 5000, electricity: 200), p12: Month(output: 5000, electricity: 200))
        let (_, baseline, row) = Self.judged(subject)
        // 1.3 against its level and against a year ago.
        #expect(baseline.departsUp(row, bound: 1.25, agreement: 1.1))
        #expect(!baseline.departsUp(row, bound: 1.35, agreement: 1.1))
        // Without the year ago, the level needs half as much again: 1.3 is not above 1 + 0.25 × 1.5.
        #expect(!baseline.departsUp(row, bound: 1.25, agreement: 1.1, yearComparable: false))
        #expect(!baseline.departsDown(row, bound: 0.8, agreement: 0.9))
    }

    @Test func theMonthAfterARunIsNotNews() {
        // Output per kWh raised by 40% in the last three months, back to 25 now, as it was a year ago: the three months
        // are a run set aside, so neither view sees a fall.
        let inflated = Month(output: 7000, electricity: 200)
        let subject = Enterprise(
            1, now: Month(output: 5000, electricity: 200), p1: inflated, p2: inflated, p3: inflated, p12: Month(output: 5000, electricity: 200))
        let (_, baseline, row) = Self.judged(subject)
        #expect(abs(baseline.departure[row] - 1) < 1e-6)
        #expect(!baseline.departsDown(row, bound: 0.8, agreement: 0.9))
    }

    @Test func aClassTrendDoesNotWidenTheSpread() {
        // The whole class makes 25 per kWh now and 40 a year ago (its prices fell by 37.5%). The subject under-reported
        // last month (8) and this month (16). Brought to this year's class level, its year-ago point is 25, so its
        // spread stays that of its own months, and U03 still sees the second month of the run.
        let fallen = Self.steadyClass.map { e -> Enterprise in
            var e = e
            e.history[12] = e.now!.scaled(output: 1.6, electricity: 1)
            return e
        }
        let subject = Enterprise(
            1, now: Month(output: 3200, electricity: 200), p1: Month(output: 1600, electricity: 200),
            p2: Month(output: 5000, electricity: 200), p3: Month(output: 5000, electricity: 200), p12: Month(output: 8000, electricity: 200))
        let fixture = PeriodFixture(fallen + [subject])
        let baseline = fixture.context.baseline(.outputPerElectricity)
        let row = fixture.context.reports.rowIndex()[PeriodFixture.code(1)]!
        #expect(abs(baseline.level[row] - 25) < 1e-3)
        #expect(baseline.spread[row] < 0.01)
        #expect(abs(baseline.yearAgo[row] - 0.64) < 1e-3)
        #expect(fixture.evaluate(U03_BelowElectricityImpliedOutput.self).findings(about: 1).first?.ruleID == "U03")
    }

    @Test func aRunOfThreeMonthsIsSetAside() {
        // Output per kWh 35 in the last three months against 25 a year ago, the plant running alike throughout, and 36
        // now: the three months are a run, not a level, so this month departs by 1.44 in both views.
        let run = Month(output: 7000, electricity: 200)
        let subject = Enterprise(
            1, now: Month(output: 7200, electricity: 200), p1: run, p2: run, p3: run, p12: Month(output: 5000, electricity: 200))
        let (context, baseline, row) = Self.judged(subject)
        #expect(abs(baseline.level[row] - 25) < 1e-3)
        #expect(abs(baseline.departure[row] - 1.44) < 1e-3)
        #expect(baseline.departsUp(row, bound: 1.25, agreement: 1.1))
        // Output alone steps for good (a new line): its recent months stay its level.
        #expect(abs(context.baseline(.output).level[row] - 7000) < 1e-3)
    }

    @Test func aShutdownAYearAgoMakesNoRun() {
        // A year ago the plant idled on a base load (output per kWh 10); it has run normally since: its level is its
        // recent months, not that month.
        let normal = Month(output: 5000, electricity: 200)
        let subject = Enterprise(1, now: normal, p1: normal, p2: normal, p3: normal, p12: Month(output: 500, electricity: 50))
        let (_, baseline, row) = Self.judged(subject)
        #expect(abs(baseline.level[row] - 25) < 1e-3)
        #expect(!baseline.departsUp(row, bound: 1.25, agreement: 1.1, yearComparable: false))
    }

    @Test func aFewPointsSpreadIsPulledTowardItsClasss() {
        // Six members wobble by 1-2% (spread about 0.015). The subject's four earlier months (29.4, 20.4, 27.7, 25 once
        // brought to this month's class level) give a spread of 0.161 on their own: halfway in variance to the
        // typical 0.015, 0.115.
        let members = (0..<6).map { i -> Enterprise in
            let s = i % 2 == 0 ? 1.0 : -1.0
            func month(_ k: Double) -> Month { Month(output: 5000 * k, electricity: 200) }
            return Enterprise(100 + i, now: month(1), p1: month(1 + 0.02 * s), p2: month(1 - 0.02 * s), p3: month(1 + 0.01 * s), p12: month(1))
        }
        let subject = Enterprise(
            1, industry: "1711", now: Month(output: 5000, electricity: 200), p1: Month(output: 6000, electricity: 200),
            p2: Month(output: 4000, electricity: 200), p3: Month(output: 5600, electricity: 200), p12: Month(output: 5000, electricity: 200))
        let context = PeriodFixture(members + [subject]).context
        let baseline = context.baseline(.outputPerElectricity)
        let rows = context.reports.rowIndex()
        let spread = baseline.spread[rows[PeriodFixture.code(1)]!]
        #expect(spread > 0.11 && spread < 0.12, "\(spread)")
        #expect(members.allSatisfy { baseline.spread[rows[$0.code]!] < 0.02 })
    }

    @Test func aShutdownAYearAgoIsNoYardstick() {
        // A year ago the plant ran on a quarter of its electricity: that month does not compare.
        let normal = Month(output: 5000, electricity: 200)
        let subject = Enterprise(1, now: normal, p1: normal, p2: normal, p3: normal, p12: Month(output: 1000, electricity: 50))
        let context = PeriodFixture(Self.steadyClass + [subject]).context
        let row = context.reports.rowIndex()[PeriodFixture.code(1)]!
        #expect(!context.baseline(.electricity).ranAlikeYearAgo(row, within: 1.5))
        #expect(context.baseline(.electricity).ranAlikeYearAgo(0, within: 1.5))
    }
}
