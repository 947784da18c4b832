import StatGuardChecks
import StatGuardCore
import Testing

/// O02 (capacity), O07 (lowered base), O09 (below threshold in the panel),
/// O10 (stopped but reporting), O11 (bundled reports).
@Suite struct RegisterAndCapacityTests {
    // MARK: O02 above design capacity

    static func coking(output: Double, outputYTD: Double, capacity: Double? = 120_000, unit: String? = nil) -> Product {
        Product(output: output, outputYTD: outputYTD, annualCapacity: capacity, capacityUnit: unit)
    }

    @Test func monthlyOutputAboveCapacityIsInflated() {
        // 120,000 吨 a year = 10,000 a month; 13,000 is 130%, above 120%.
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), products: [Self.coking(output: 13000, outputYTD: 50000)])])
        let result = fixture.evaluate(O02_AboveCapacity.self)
        let finding = result.findings(about: 1).first
        expectFinding(
            finding, rule: "O02", category: .over, severity: .warning, indicator: "output:2501",
            figures: ["13,000", "10,000", "130.0%", "120,000"])
        #expect(finding?.messageZh.contains("焦炭") == true)
    }

    @Test func monthlyOutputAtTheToleranceAndAnnualisedAtTheTolerancePass() {
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 5000, electricity: 200),
            products: [Self.coking(output: 12000, outputYTD: 50000), Self.coking(output: 10000, outputYTD: 63000)])])
        let result = fixture.evaluate(O02_AboveCapacity.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 2)
    }

    @Test func annualisedYearToDateAboveCapacityIsInflated() {
        // 66,000 in six months annualises to 132,000 > 120,000 × 1.05.
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), products: [Self.coking(output: 10000, outputYTD: 66000)])])
        let finding = fixture.evaluate(O02_AboveCapacity.self).findings.first
        expectFinding(
            finding, rule: "O02", category: .over, severity: .warning, indicator: "output_ytd:2501",
            figures: ["66,000", "132,000", "120,000"])
    }

    @Test func januaryFebruaryCapacityCoversTwoMonths() {
        let february = Period(year: 2024, month: 2)
        let twoMonths = PeriodFixture(period: february, [Enterprise(1, now: Month(output: 9000, electricity: 380), products: [Self.coking(output: 19000, outputYTD: 19000)])])
        #expect(twoMonths.evaluate(O02_AboveCapacity.self).findings.isEmpty)
        let above = PeriodFixture(period: february, [Enterprise(1, now: Month(output: 9000, electricity: 380), products: [Self.coking(output: 25000, outputYTD: 25000)])])
        #expect(above.evaluate(O02_AboveCapacity.self).findings.first?.messageEn.contains("20,000") == true)
    }

    @Test func productsWithoutComparableCapacityOrReportAreNotEvaluated() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200), products: [
                Self.coking(output: 90000, outputYTD: 90000, capacity: 12, unit: "万吨"),
                Product(code: "2502", name: "焦炉煤气", unit: "万立方米", output: 900, outputYTD: 900),
            ]),
            Enterprise(2, now: nil, products: [Self.coking(output: 90000, outputYTD: 90000)]),
        ])
        let result = fixture.evaluate(O02_AboveCapacity.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no capacity in the same unit"] == 2)
        #expect(result.notEvaluated["no loaded report for the enterprise"] == 1)
    }

    // MARK: O07 lowered base

    @Test func priorYearReportedBelowStoredIsALoweredBase() {
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 6000, electricity: 200, outputLastYear: 4000), p12: Month(output: 5000, electricity: 200))])
        let result = fixture.evaluate(O07_LoweredBase.self)
        let finding = result.findings.first
        expectFinding(
            finding, rule: "O07", category: .over, severity: .warning, indicator: "gross_output_ly",
            figures: ["4,000", "5,000", "50.0%", "20.0%"])
        #expect(finding?.expected == "5,000")
    }

    @Test func priorYearYearToDateReportedBelowStoredIsALoweredBase() {
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 6000, electricity: 200, outputLastYear: 5000, outputYTDLastYear: 20000),
            p12: Month(output: 5000, electricity: 200, outputYTD: 28000))])
        let result = fixture.evaluate(O07_LoweredBase.self)
        #expect(result.findings.count == 1)
        expectFinding(
            result.findings.first, rule: "O07", category: .over, severity: .warning, indicator: "gross_output_ytd_ly",
            figures: ["20,000", "28,000"])
    }

    @Test func priorYearWithinRevisionTolerancePasses() {
        // 5,000 × 0.95 − 0.5 = 4,749.5
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 6000, electricity: 200, outputLastYear: 4750), p12: Month(output: 5000, electricity: 200))])
        let result = fixture.evaluate(O07_LoweredBase.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func priorYearWithoutStoreOrFigureIsNotEvaluated() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 6000, electricity: 200, outputLastYear: 1000)),
            Enterprise(2, now: Month(output: 6000, electricity: 200), p12: Month(output: 5000, electricity: 200)),
        ])
        let result = fixture.evaluate(O07_LoweredBase.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no report a year ago"] == 1)
        #expect(result.notEvaluated["上年同期 blank"] == 1)
    }

    // MARK: O09 far below the threshold in the panel

    @Test func panelEnterpriseInvoicingFarBelowThresholdIsFound() {
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 200, invoiced: 500), monthlyInvoices: 500)])
        let result = fixture.evaluate(O09_BelowThresholdInPanel.self)
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "O09", category: .over, severity: .warning, indicator: "invoiced_sales", figures: ["6,000"])
        #expect(finding?.expected == "≥ 10,000")
        #expect(finding?.messageZh.contains("近12个月") == true)
    }

    @Test func panelEnterpriseJustAboveHalfTheThresholdPasses() {
        // 834 × 12 = 10,008 ≥ 20,000 × 0.5.
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 200, invoiced: 834), monthlyInvoices: 834)])
        let result = fixture.evaluate(O09_BelowThresholdInPanel.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func newEnterpriseIsAnnualisedOverItsOwnMonths() {
        // Regression: months were counted over the admin files, not over the enterprise's own
        // rows, so a firm invoicing 2,000 a month (24,000 a year) since March summed to 8,000
        // over "12 months" and was called far below the threshold.
        var young = Enterprise(
            1, now: Month(output: 5000, electricity: 200), register: RegisterEntry(entered: Period(year: 2024, month: 3)),
            admin: AdminEntry(grid: 200, invoiced: 2000), monthlyInvoices: 2000)
        young.invoiceMonths = 1
        var older = young
        older.number = 2
        older.invoiceMonths = 6
        let fixture = PeriodFixture([young, older, Enterprise(3, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 200, invoiced: 900), monthlyInvoices: 900)])
        let o09 = fixture.evaluate(O09_BelowThresholdInPanel.self)
        #expect(o09.findings(about: 1).isEmpty)
        #expect(o09.notEvaluated["fewer admin months than required"] == 1)  // one month of invoices < 3
        #expect(o09.findings(about: 2).isEmpty)  // 8 months (1-2月 holds two) × 2,000 → 24,000 a year
        #expect(o09.passed == 2)
    }

    @Test func panelEnterpriseWithoutAdminHistoryIsNotEvaluated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 200, invoiced: 100))])
        let result = fixture.evaluate(O09_BelowThresholdInPanel.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["fewer admin months than required"] == 1)
    }

    // MARK: O10 stopped but reporting

    @Test func suspendedEnterpriseReportingOutputIsFound() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200), register: RegisterEntry(status: 2)),
            Enterprise(2, now: Month(output: 4000, electricity: 200), register: RegisterEntry(status: 4)),
        ])
        let result = fixture.evaluate(O10_StoppedButReporting.self)
        expectFinding(
            result.findings(about: 1).first, rule: "O10", category: .over, severity: .warning, indicator: "gross_output",
            figures: ["5,000"])
        #expect(result.findings(about: 1).first?.messageZh.contains("停业") == true)
        #expect(result.findings(about: 2).first?.messageZh.contains("注销") == true)
    }

    @Test func suspendedEnterpriseReportingZeroAndOneBeingBuiltPass() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 0, electricity: 2), register: RegisterEntry(status: 2)),
            Enterprise(2, now: Month(output: 300, electricity: 20), register: RegisterEntry(status: 3)),
        ])
        let result = fixture.evaluate(O10_StoppedButReporting.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 2)
    }

    @Test func reportingEnterpriseOutsideTheRegisterIsNotEvaluatedForStatus() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), register: nil)])
        let result = fixture.evaluate(O10_StoppedButReporting.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["not in the register"] == 1)
    }

    // MARK: O11 bundled reports

    @Test func twoEnterprisesWithIdenticalFiguresAreBundled() {
        let same = Month(output: 5000, electricity: 200, sales: 4900, employees: 80)
        let fixture = PeriodFixture([Enterprise(1, now: same), Enterprise(2, now: same), Enterprise(3, now: Month(output: 5000, electricity: 201, sales: 4900, employees: 81))])
        let result = fixture.evaluate(O11_BundledReports.self)
        #expect(result.failed == 2)
        let finding = result.findings(about: 1).first
        expectFinding(
            finding, rule: "O11", category: .over, severity: .warning, indicator: "gross_output+sales_output+electricity+employees",
            figures: [PeriodFixture.code(2).description])
        #expect(finding?.observed == "5,000")
        #expect(result.findings(about: 3).isEmpty)
    }

    @Test func enterprisesSharingThreeOfFourFiguresAreBundled() {
        // Regression (issue 16): only all four were compared, so a business reported twice with
        // its own employee count, or its own electricity, was never found.
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 4900, employees: 80)),
            Enterprise(2, now: Month(output: 5000, electricity: 200, sales: 4900, employees: 81)),
            Enterprise(3, now: Month(output: 6000, electricity: 240, sales: 5900, employees: 95)),
            Enterprise(4, now: Month(output: 6100, electricity: 240, sales: 5900, employees: 95)),
        ])
        let result = fixture.evaluate(O11_BundledReports.self)
        #expect(result.failed == 4)
        let first = result.findings(about: 1).first
        expectFinding(first, rule: "O11", category: .over, severity: .warning, indicator: "gross_output+sales_output+electricity",
                      figures: [PeriodFixture.code(2).description])
        #expect(result.findings(about: 3).first?.indicator == "sales_output+electricity+employees")
        #expect(result.findings(about: 1).first?.messageZh.contains(PeriodFixture.code(3).description) == false)
    }

    @Test func enterprisesSharingTwoFiguresAreNotBundled() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 4900, employees: 80)),
            Enterprise(2, now: Month(output: 5000, electricity: 210, sales: 4900, employees: 81)),
        ])
        let result = fixture.evaluate(O11_BundledReports.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 2)
    }

    @Test func smallIdenticalReportsAreNotEvaluated() {
        let same = Month(output: 900, electricity: 20, sales: 880, employees: 20)
        let fixture = PeriodFixture([Enterprise(1, now: same), Enterprise(2, now: same)])
        let result = fixture.evaluate(O11_BundledReports.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["output below minimum"] == 2)
    }
}
