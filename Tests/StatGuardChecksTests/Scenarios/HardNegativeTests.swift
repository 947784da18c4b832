import StatGuardChecks
import StatGuardCore
import Testing

/// Situations that look unusual and are not anomalies: the whole catalog, run
/// through ``CheckRunner``, must raise no over- or under-reporting finding.
@Suite struct HardNegativeTests {
    /// Twelve steady members of class 3011 in towns A and B, with grid and tax figures matching their reports.
    static let population = Enterprise.peers(12, from: 100, region: { $0 % 2 == 0 ? PeriodFixture.townA + "001" : PeriodFixture.townB + "001" })

    static func run(_ subjects: [Enterprise], period: Period = Period(year: 2024, month: 6)) -> CheckRun {
        PeriodFixture(period: period, Self.population + subjects).withMatchingAdmin().run()
    }

    static func overOrUnder(_ run: CheckRun) -> [Finding] {
        run.findings.filter { $0.category == .over || $0.category == .under }
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.ruleID) \($0.creditCode?.description ?? $0.regionCode): \($0.messageEn)" }.joined(separator: "\n")
    }

    @Test func steadyPopulationIsQuiet() {
        let run = Self.run([])
        #expect(run.findings.isEmpty, "\(Self.describe(run.findings))")
        #expect(run.result("O01").evaluated == 12)
        #expect(run.result("O04").evaluated == 12)
        #expect(run.result("O09").evaluated == 12)
    }

    @Test func maintenanceShutdownIsNotUnderReporting() {
        // Output and electricity both 80% below a year ago; the months before were normal.
        let normal = Month(output: 5000, electricity: 200)
        let shutdown = Enterprise(
            1, now: Month(output: 1000, electricity: 40), p1: normal.scaled(output: 0.98, electricity: 0.99),
            p2: normal.scaled(output: 1.01, electricity: 1.0), p3: normal.scaled(output: 0.97, electricity: 0.98), p12: normal,
            monthlyInvoices: 4900)
        let run = Self.run([shutdown])
        #expect(Self.overOrUnder(run).isEmpty, "\(Self.describe(Self.overOrUnder(run)))")
        #expect(run.findings(about: 1).isEmpty)
        #expect(run.result("U03").evaluated == 13)
        #expect(run.result("O04").evaluated == 13)
    }

    @Test func fullStopWithStandbyPowerIsNotUnderReporting() {
        // Regression: zero output on 5% of the usual electricity (lighting, heating, maintenance)
        // was called under-reporting by U03, although U05, whose question zero output is,
        // says production stopped (below 30% of typical).
        let normal = Month(output: 5000, electricity: 200)
        let stopped = Enterprise(
            1, now: Month(output: 0, electricity: 10, sales: 300), p1: normal.scaled(output: 0.98, electricity: 0.99),
            p2: normal.scaled(output: 1.01, electricity: 1.0), p3: normal.scaled(output: 0.97, electricity: 0.98), p12: normal,
            monthlyInvoices: 4900)
        let run = Self.run([stopped])
        #expect(Self.overOrUnder(run).isEmpty, "\(Self.describe(Self.overOrUnder(run)))")
        #expect(run.result("U05").evaluated == 13)
        #expect(run.result("U03").notEvaluated["zero output (U05 judges it)"] == 1)
    }

    @Test func newProductionLineIsNotInflation() {
        // Output and electricity both 60% above a year ago, with more workers.
        let before = Month(output: 5000, electricity: 200, employees: 100)
        let newLine = Enterprise(
            1, now: Month(output: 8000, electricity: 320, employees: 130),
            p1: Month(output: 7800, electricity: 315, employees: 130), p2: Month(output: 6500, electricity: 262, employees: 120),
            p3: Month(output: 5200, electricity: 208, employees: 100), p12: before)
        let run = Self.run([newLine])
        #expect(Self.overOrUnder(run).isEmpty, "\(Self.describe(Self.overOrUnder(run)))")
        #expect(run.findings(about: 1).isEmpty)
        #expect(run.result("O01").evaluated == 13)
        #expect(run.result("O06").evaluated == 13)
    }

    @Test func classWidePriceBoomIsNotInflation() {
        // All twelve members of 2521 炼焦 sell 33-37% dearer on electricity within ±2% of last year's.
        let coking = Enterprise.peers(
            12, from: 300, industry: "2521", size: 3100, region: { $0 % 2 == 0 ? PeriodFixture.townC + "001" : PeriodFixture.townA + "002" },
            growth: { 1.33 + 0.0037 * Double($0) }, powerGrowth: { 1 + 0.02 * wobble($0, 3) })
        let run = Self.run(coking)
        #expect(Self.overOrUnder(run).isEmpty, "\(Self.describe(Self.overOrUnder(run)))")
        #expect(run.result("O01").evaluated == 24)
        #expect(run.result("O04").evaluated == 24)
        #expect(run.result("G02").evaluated == 3)
    }

    @Test func enterpriseThatLeftTheRegisterIsNotMissing() {
        let june = Period(year: 2024, month: 6)
        let left = [
            Enterprise(1, now: nil, p1: Month(output: 5000, electricity: 200), register: RegisterEntry(exited: june)),
            Enterprise(2, now: nil, p1: Month(output: 5000, electricity: 200), register: RegisterEntry(exited: june.adding(months: -2))),
        ]
        let run = Self.run(left, period: june)
        #expect(run.findings(about: 1).isEmpty)
        #expect(run.findings(about: 2).isEmpty)
        #expect(Self.overOrUnder(run).isEmpty, "\(Self.describe(Self.overOrUnder(run)))")
        #expect(run.result("U01").evaluated == 12)
    }

    @Test func firstYearEnterpriseRaisesNothingButConsistency() {
        let june = Period(year: 2024, month: 6)
        // It opened in March: the grid and tax files list it from then on.
        var newcomer = Enterprise(
            1, now: Month(output: 5000, electricity: 200, employees: 100), register: RegisterEntry(entered: june), monthlyInvoices: 4900)
        newcomer.invoiceMonths = 3
        let run = Self.run([newcomer], period: june)
        let notConsistency = run.findings(about: 1).filter { $0.category != .consistency }
        #expect(notConsistency.isEmpty, "\(Self.describe(notConsistency))")
        #expect(Self.overOrUnder(run).isEmpty, "\(Self.describe(Self.overOrUnder(run)))")
        #expect(run.result("O01").notEvaluated["no report a year ago"] == 1)
        #expect(run.result("N01").notEvaluated["no history of the figures"] == 1)
        #expect(run.result("C03").notEvaluated["no report last period"] == 1)
        #expect(run.result("O07").notEvaluated["no report a year ago"] == 1)
    }

    @Test func januaryFebruaryIsComparedWithLastYearsJanuaryFebruary() {
        // 1-2月 covers two months: twice a month's figures, against last year's 1-2月
        // (also two months) and after last December, October and November (one month each).
        let february = Period(year: 2024, month: 2)
        let members: [Enterprise] = (0..<12).map { i in
            let monthly = 3000 + 430 * Double(i)
            let power = monthly / 25 * (1 + 0.25 * wobble(i, 5))
            let growth = 1.03 + 0.007 * Double(i)
            let twoMonths = Month(output: 2 * monthly, electricity: 2 * power, employees: 100 + Double(i))
            return Enterprise(
                100 + i, region: PeriodFixture.townA + "001", now: twoMonths,
                p1: Month(output: monthly * 0.97, electricity: power * 0.98, employees: 100 + Double(i)),
                p2: Month(output: monthly * 1.02, electricity: power * 1.01, employees: 100 + Double(i)),
                p3: Month(output: monthly * 0.95, electricity: power * 0.96, employees: 100 + Double(i)),
                p12: twoMonths.scaled(output: 1 / growth, electricity: 1 / growth * (1 + 0.02 * wobble(i, 3))),
                monthlyInvoices: monthly * 0.98,
                products: i == 0 ? [Product(output: 19000, outputYTD: 19000, annualCapacity: 120_000)] : [])
        }
        var fixture = PeriodFixture(period: february, members)
        fixture = fixture.withMatchingAdmin()
        #expect(fixture.periodBack(1) == Period(year: 2023, month: 12))
        #expect(fixture.periodBack(12) == Period(year: 2023, month: 2))
        let run = fixture.run()
        #expect(run.findings.isEmpty, "\(Self.describe(run.findings))")
        #expect(run.result("C03").evaluated == 12)
        #expect(run.result("O01").evaluated == 12)
        #expect(run.result("O02").evaluated == 1)
        #expect(run.result("N01").evaluated == 12)
    }
}
