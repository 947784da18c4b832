import StatGuardChecks
import StatGuardCore
import Testing

/// O01, O03, O04, O05 on an enterprise's own history (issue 16): the milder or other-shaped
/// fraud fires, the legitimate look-alike (shutdown, rebound, new line, price boom, a volatile
/// enterprise) stays silent.
@Suite struct OwnHistoryTests {
    /// Twelve members of class 3011 with grid and tax figures matching their reports, history included.
    static let peers = Enterprise.peers(12, from: 100).map { $0.withMatchingAdmin() }
    static let normal = Month(output: 5000, electricity: 200, sales: 4900)

    /// An enterprise that reported `normal` one, two, three periods back and a year ago, and `now`,
    /// its grid and tax figures matching what it reported (now: `admin`, or matching).
    static func subject(_ now: Month, p1: Month = normal, p12: Month = normal, admin: AdminEntry? = nil) -> Enterprise {
        var e = Enterprise(1, now: now, p1: p1, p2: normal, p3: normal, p12: p12).withMatchingAdmin()
        if let admin { e.admin = admin }
        return e
    }

    static func evaluate(_ check: any Check.Type, _ subject: Enterprise) -> CheckResult {
        PeriodFixture(Self.peers + [subject]).withMatchingAdmin().evaluate(check)
    }

    // MARK: O03 against its own sales-to-invoice and electricity-to-meter ratios

    @Test func salesThirtyPercentAboveItsUsualInvoicesIsFound() {
        // Regression (issue 16): one fixed ratio (1.6) for every enterprise missed over-reporting by 30%
        // on an enterprise whose sales always matched its invoices.
        var now = Self.normal
        now.sales = 6370
        let result = Self.evaluate(O03_AboveAdministrativeRecords.self, Self.subject(now, admin: AdminEntry(grid: 200, invoiced: 4900)))
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "O03", category: .over, severity: .warning, indicator: "sales_output", figures: ["6,370", "4,900", "1.30"])
        #expect(finding?.variant == "history")
        #expect(result.notes.contains { $0.hasPrefix("sales/invoiced sales: 13 enterprises judged against their own history") })
    }

    @Test func salesThatAlwaysRunAboveInvoicesAreNotNews() {
        // Its sales have run 40% above its invoices all along: its own level, not a departure.
        let month = Self.normal
        var steady = Enterprise(1, now: month, p1: month, p2: month, p3: month, p12: month, admin: AdminEntry(grid: 200, invoiced: 3500), monthlyInvoices: 3500)
        steady.adminFollowsReports = false
        let result = PeriodFixture(Self.peers + [steady]).evaluate(O03_AboveAdministrativeRecords.self)
        #expect(result.findings(about: 1).isEmpty)
    }

    @Test func salesAndOutputBothFifteenPercentUpAreCorroborated() {
        // Sales 15% over its invoices and output 15% over its electricity: neither alone passes its
        // own bound, together they do.
        let now = Month(output: 5750, electricity: 200, sales: 5635)
        let result = Self.evaluate(O03_AboveAdministrativeRecords.self, Self.subject(now, admin: AdminEntry(grid: 200, invoiced: 4900)))
        let finding = result.findings(about: 1).first
        #expect(finding?.variant == "corroborated")
        #expect(finding?.messageEn.contains("output per kWh is also") == true)
        #expect(Self.evaluate(O01_AboveElectricityImpliedOutput.self, Self.subject(now, admin: AdminEntry(grid: 200, invoiced: 4900))).findings(about: 1).isEmpty)
    }

    @Test func salesFifteenPercentUpOnFlatInvoicesAndOutputAreCorroborated() {
        // Sales 15% over its invoices and 15% over its own sales per output (产销率), output and electricity
        // unchanged: sales raised against both the invoices and what the plant made.
        let now = Month(output: 5000, electricity: 200, sales: 5635)
        let result = Self.evaluate(O03_AboveAdministrativeRecords.self, Self.subject(now, admin: AdminEntry(grid: 200, invoiced: 4900)))
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "O03", category: .over, severity: .warning, indicator: "sales_output", figures: ["5,635", "4,900", "1.15"])
        #expect(finding?.variant == "corroborated_output")
        #expect(finding?.messageEn.contains("sales per output is also 1.15") == true)
    }

    @Test func salesOutOfStockThatAreInvoicedAreNotNews() {
        // The same sales, out of stock and invoiced: its sales per output rose, its sales per invoice did not.
        let now = Month(output: 5000, electricity: 200, sales: 5635)
        let result = Self.evaluate(O03_AboveAdministrativeRecords.self, Self.subject(now, admin: AdminEntry(grid: 200, invoiced: 5635)))
        #expect(result.findings(about: 1).isEmpty)
    }

    @Test func electricityRaisedTwentyPercentAboveItsMeterIsFound() {
        // 1.2 is below the fixed 1.3, but the enterprise's own reports always matched the meter.
        let now = Month(output: 6000, electricity: 240, sales: 5880)
        let result = Self.evaluate(O03_AboveAdministrativeRecords.self, Self.subject(now, admin: AdminEntry(grid: 200, invoiced: 5880)))
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "O03", category: .over, severity: .warning, indicator: "electricity", figures: ["240", "200", "1.20"])
        #expect(finding?.variant == "electricity_history")
    }

    @Test func theMonthAfterARunOfOverReportingIsNotNews() {
        // Sales were 40% over the invoices for three months (the tax bureau recorded the truth); now
        // the report matches the invoices again, as it did a year ago.
        var raised = Self.normal
        raised.sales = 6860
        raised.invoiced = 4900
        var e = Enterprise(1, now: Self.normal, p1: raised, p2: raised, p3: raised, p12: Self.normal).withMatchingAdmin()
        e.admin = AdminEntry(grid: 200, invoiced: 4900)
        #expect(Self.evaluate(U04_SalesBelowInvoices.self, e).findings(about: 1).isEmpty)
        #expect(Self.evaluate(O03_AboveAdministrativeRecords.self, e).findings(about: 1).isEmpty)
    }

    // MARK: O01 against its own output per kWh

    @Test func outputTwentySixPercentUpOnFlatElectricityIsFound() {
        // Below the electricity-implied 1.35 of DOMAIN.md's test, above its own level by 1.25 (its earlier months
        // brought to this month's class level, 25.10: the class moved about +0.4%).
        let result = Self.evaluate(O01_AboveElectricityImpliedOutput.self, Self.subject(Month(output: 6300, electricity: 200, sales: 6174)))
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "O01", category: .over, severity: .warning, indicator: "gross_output", figures: ["6,300", "1.25", "25.10"])
        #expect(finding?.variant == "history")
    }

    @Test func outputFifteenPercentUpThatWasNeitherPoweredNorSoldIsFound() {
        // Output +15% on the same electricity and the same sales: output per kWh alone stays under its own
        // bound (1.25), but its sales per output fell to 0.87 of its own: the added output was not sold.
        let now = Month(output: 5750, electricity: 200, sales: 4900)
        let result = Self.evaluate(O01_AboveElectricityImpliedOutput.self, Self.subject(now, admin: AdminEntry(grid: 200, invoiced: 4900)))
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "O01", category: .over, severity: .warning, indicator: "gross_output", figures: ["5,750", "1.15", "0.87"])
        #expect(finding?.variant == "unsold")
    }

    @Test func stockBuiltWithPowerOrSalesThatSlumpedAreNotInflation() {
        // Output +15% into stock, made with 15% more power: output per kWh did not move.
        let stocked = Self.subject(Month(output: 5750, electricity: 230, sales: 4900), admin: AdminEntry(grid: 230, invoiced: 4900))
        #expect(Self.evaluate(O01_AboveElectricityImpliedOutput.self, stocked).findings(about: 1).isEmpty)
        // Sales slumped 15% while the plant made as much as ever: its sales per output fell alone.
        let slumped = Self.subject(Month(output: 5000, electricity: 200, sales: 4165), admin: AdminEntry(grid: 200, invoiced: 4165))
        #expect(Self.evaluate(O01_AboveElectricityImpliedOutput.self, slumped).findings(about: 1).isEmpty)
        // Output +6% unsold on flat power: under the corroborating bound of output per kWh (1.08).
        let mild = Self.subject(Month(output: 5300, electricity: 200, sales: 4200), admin: AdminEntry(grid: 200, invoiced: 4200))
        #expect(Self.evaluate(O01_AboveElectricityImpliedOutput.self, mild).findings(about: 1).isEmpty)
    }

    @Test func reboundAYearAfterAShutdownIsNotInflation() {
        // A year ago the plant was in maintenance (output −80%, electricity −60%: lighting and furnaces
        // kept warm). Output now is five times that month on 2.5 times its power: DOMAIN.md's
        // electricity-implied test alone sees 2×, O04 a year-on-year outlier. Its own recent months are normal.
        let e = Self.subject(Self.normal, p12: Month(output: 1000, electricity: 80, sales: 980))
        for check: any Check.Type in [O01_AboveElectricityImpliedOutput.self, O04_YearOnYearOutlier.self, O06_ProductivityOutlier.self] {
            #expect(Self.evaluate(check, e).findings(about: 1).isEmpty, "\(check.entry.ruleID)")
        }
        let run = PeriodFixture(Self.peers + [e]).withMatchingAdmin().run()
        #expect(run.findings(about: 1).filter { $0.category == .over || $0.category == .under }.isEmpty)
    }

    @Test func restartAfterAShutdownIsNotInflation() {
        // Last month the plant was in maintenance with a base load; this month it runs normally again.
        let e = Self.subject(Self.normal, p1: Month(output: 1000, electricity: 90, sales: 980))
        let run = PeriodFixture(Self.peers + [e]).withMatchingAdmin().run()
        #expect(run.findings(about: 1).filter { $0.category == .over || $0.category == .under }.isEmpty)
    }

    @Test func newLineWithABaseLoadIsNotInflation() {
        // A second line: output +60%, electricity +45% (the plant's base load does not double).
        let e = Self.subject(Month(output: 8000, electricity: 290, sales: 7840))
        let run = PeriodFixture(Self.peers + [e]).withMatchingAdmin().run()
        #expect(run.findings(about: 1).filter { $0.category == .over || $0.category == .under }.isEmpty)
    }

    // MARK: O04 quieter on volatile enterprises

    @Test func volatileEnterpriseIsNotAYearOnYearOutlier() {
        // Orders by project: 8,000, 3,000, 7,000 in the last three months, 4,500 a year ago, electricity
        // following with a base load. 9,000 now is twice a year ago, and within its own swings.
        let volatile = Enterprise(
            1, now: Month(output: 9000, electricity: 270), p1: Month(output: 8000, electricity: 260), p2: Month(output: 3000, electricity: 140),
            p3: Month(output: 7000, electricity: 240), p12: Month(output: 4500, electricity: 180))
        #expect(PeriodFixture(Self.peers + [volatile]).evaluate(O04_YearOnYearOutlier.self).findings(about: 1).isEmpty)
        // The same month from an enterprise that never swung is news.
        let steady = Month(output: 4500, electricity: 180)
        let jumped = Enterprise(1, now: Month(output: 9000, electricity: 270), p1: steady, p2: steady, p3: steady, p12: steady)
        #expect(PeriodFixture(Self.peers + [jumped]).evaluate(O04_YearOnYearOutlier.self).findings(about: 1).count == 1)
    }

    // MARK: O05 on a robust autumn

    @Test func decemberAfterAStoppedNovemberIsNotAPush() {
        // November was a maintenance month (a base load of power kept running); December is ordinary.
        let december = Period(year: 2024, month: 12)
        let peers = Enterprise.peers(12, from: 100)
        let e = Enterprise(
            1, now: Month(output: 5200, electricity: 205), p1: Month(output: 1000, electricity: 150), p2: Self.normal, p3: Self.normal,
            p12: Self.normal)
        #expect(PeriodFixture(period: december, peers + [e]).evaluate(O05_YearEndPush.self).findings(about: 1).isEmpty)
        // A real push: 60% over its autumn and its own December a year ago, electricity flat.
        let pushed = Enterprise(1, now: Month(output: 8000, electricity: 200), p1: Self.normal, p2: Self.normal, p3: Self.normal, p12: Self.normal)
        #expect(PeriodFixture(period: december, peers + [pushed]).evaluate(O05_YearEndPush.self).findings(about: 1).count == 1)
    }
}
