import StatGuardChecks
import StatGuardCore
import Testing

/// U01-U05: suspected omission and under-reporting.
@Suite struct UnderTests {
    // MARK: U01 missing report

    @Test func registeredEnterpriseWithoutReportIsMissing() {
        let fixture = PeriodFixture([Enterprise(1, now: nil, p1: Month(output: 6000, electricity: 240))])
        let result = fixture.evaluate(U01_MissingReport.self)
        #expect(result.failed == 1)
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "U01", category: .under, severity: .warning, indicator: "report", figures: ["6,000"])
        #expect(finding?.scope == .enterprise)
        #expect(finding?.regionCode == PeriodFixture.townA + "001")
        #expect(finding?.name == "测试企业1有限公司")
    }

    @Test func enterpriseThatReportedIsNotMissing() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 6000, electricity: 240))])
        let result = fixture.evaluate(U01_MissingReport.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func enterpriseThatExitedThisPeriodIsNotDue() {
        let june = Period(year: 2024, month: 6)
        let fixture = PeriodFixture(period: june, [
            Enterprise(1, now: nil, register: RegisterEntry(exited: june)),
            Enterprise(2, now: nil, register: RegisterEntry(entered: june.adding(months: 1))),
            Enterprise(3, now: nil, register: RegisterEntry(status: 2)),
            Enterprise(4, now: nil, register: RegisterEntry(aboveScale: false)),
        ])
        let result = fixture.evaluate(U01_MissingReport.self)
        #expect(result.findings.isEmpty)
        #expect(result.evaluated == 0)
    }

    @Test func enterpriseEnteringThisPeriodIsDue() {
        let june = Period(year: 2024, month: 6)
        let fixture = PeriodFixture(period: june, [Enterprise(1, now: nil, register: RegisterEntry(entered: june, exited: june.adding(months: 1)))])
        let finding = fixture.evaluate(U01_MissingReport.self).findings.first
        #expect(finding?.ruleID == "U01")
        #expect(finding?.messageEn.contains("no earlier output") == true)
    }

    @Test func quarantinedReportCountsAsReported() {
        var fixture = PeriodFixture([Enterprise(1, now: nil)])
        fixture.quarantined = [PeriodFixture.code(1)]
        let result = fixture.evaluate(U01_MissingReport.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    // MARK: U02 unregistered above the threshold

    @Test func unregisteredEnterpriseInvoicingAboveThresholdIsFound() {
        let fixture = PeriodFixture([Enterprise(
            1, now: nil, register: nil, admin: AdminEntry(grid: 60, invoiced: 2000), monthlyInvoices: 2000)])
        let result = fixture.evaluate(U02_UnregisteredAboveThreshold.self)
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "U02", category: .under, severity: .warning, indicator: "invoiced_sales", figures: ["24,000", "20,000"])
        #expect(finding?.messageZh.contains("近12个月") == true)
        #expect(finding?.messageZh.contains("未纳入名录库") == true)
        #expect(finding?.regionCode == PeriodFixture.townA + "001")
    }

    @Test func belowScaleInRegisterInvoicingAboveThresholdIsFound() {
        let fixture = PeriodFixture([Enterprise(
            1, now: nil, register: RegisterEntry(aboveScale: false), admin: AdminEntry(grid: 60, invoiced: 2000), monthlyInvoices: 2000)])
        let finding = fixture.evaluate(U02_UnregisteredAboveThreshold.self).findings.first
        #expect(finding?.messageZh.contains("名录中为规下企业") == true)
    }

    @Test func aboveScaleEnterpriseOutsideThePanelInvoicingAboveThresholdIsFound() {
        // Regression: a 规上 register row that has left the panel (出库, 停业, 筹建) was never a
        // candidate, so an enterprise invoicing 2亿 a year was neither due (U01) nor found here.
        let june = Period(year: 2024, month: 6)
        let fixture = PeriodFixture(period: june, [
            Enterprise(1, now: nil, register: RegisterEntry(exited: Period(year: 2023, month: 12)), admin: AdminEntry(grid: 60, invoiced: 2500), monthlyInvoices: 2500),
            Enterprise(2, now: nil, register: RegisterEntry(status: 3), admin: AdminEntry(grid: 60, invoiced: 2500), monthlyInvoices: 2500),
        ])
        let result = fixture.evaluate(U02_UnregisteredAboveThreshold.self)
        #expect(result.failed == 2)
        let exited = result.findings(about: 1).first
        expectFinding(exited, rule: "U02", category: .under, severity: .warning, indicator: "invoiced_sales", figures: ["30,000"])
        #expect(exited?.messageZh.contains("不在报送范围") == true)
        #expect(U01_MissingReport.entry.ruleID == "U01")
        #expect(fixture.evaluate(U01_MissingReport.self).findings.isEmpty)
    }

    @Test func newUnregisteredEnterpriseCountsTheTwelveMonthsItWasNotListedAsZero() {
        // Listed in the last six stored files (November to May, 1-2月 holding two months) and
        // this one: 8 months at 3,000 a month. The admin data lists every enterprise of the area,
        // so the other four of the last twelve months had no invoices: 24,000, not 36,000 (a
        // firm opened three months ago has three months of invoices, not a year of its best).
        var young = Enterprise(1, now: nil, register: nil, admin: AdminEntry(grid: 60, invoiced: 3000), monthlyInvoices: 3000)
        young.invoiceMonths = 6
        var younger = Enterprise(3, now: nil, register: nil, admin: AdminEntry(grid: 60, invoiced: 3000), monthlyInvoices: 3000)
        younger.invoiceMonths = 2  // 4 months × 3,000 = 12,000 over the year: not yet above the threshold
        let fixture = PeriodFixture([young, younger, Enterprise(2, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 200, invoiced: 4900), monthlyInvoices: 4900)])
        let result = fixture.evaluate(U02_UnregisteredAboveThreshold.self)
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "U02", category: .under, severity: .warning, indicator: "invoiced_sales", figures: ["24,000", "36,000"])
        #expect(finding?.messageZh.contains("近12个月") == true)
        #expect(result.findings(about: 3).isEmpty)
    }

    @Test func invoicesJustBelowThresholdPass() {
        // 1,666 a month over twelve months (the 1-2月 file holds two) = 19,992 < 20,000.
        let fixture = PeriodFixture([Enterprise(1, now: nil, register: nil, admin: AdminEntry(grid: 60, invoiced: 1666), monthlyInvoices: 1666)])
        let result = fixture.evaluate(U02_UnregisteredAboveThreshold.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func registeredAboveScaleAndNonIndustrialAreNotCandidates() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 200, invoiced: 9000), monthlyInvoices: 9000),
            Enterprise(2, industry: "5211", now: nil, register: nil, admin: AdminEntry(grid: 5, invoiced: 9000), monthlyInvoices: 9000),
        ])
        let result = fixture.evaluate(U02_UnregisteredAboveThreshold.self)
        #expect(result.findings.isEmpty)
        #expect(result.evaluated == 0)
    }

    @Test func tooFewAdminMonthsIsNotEvaluated() {
        let fixture = PeriodFixture([Enterprise(1, now: nil, register: nil, admin: AdminEntry(grid: 60, invoiced: 9000))])
        let result = fixture.evaluate(U02_UnregisteredAboveThreshold.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["fewer admin months than required"] == 1)
    }

    // MARK: U03 below electricity-implied output

    /// Six steady members of class 3011 whose output moved exactly with their electricity (drift 1).
    static let steadyClass = Enterprise.peers(6, from: 100, powerSpread: 0)

    @Test func outputHalvedWhileElectricityFlatIsUnderReported() {
        var fixture = PeriodFixture(Self.steadyClass)
        fixture.add(Enterprise(1, now: Month(output: 2500, electricity: 200), p12: Month(output: 5000, electricity: 200)))
        let result = fixture.evaluate(U03_BelowElectricityImpliedOutput.self)
        #expect(result.failed == 1)
        let finding = result.findings(about: 1).first
        expectFinding(
            finding, rule: "U03", category: .under, severity: .warning, indicator: "gross_output",
            figures: ["2,500", "-50.0%", "0.0%", "5,000", "0.50"])
        #expect(finding?.observed == "2,500")
    }

    @Test func outputJustAboveTheLowRatioPasses() {
        var fixture = PeriodFixture(Self.steadyClass)
        fixture.add(Enterprise(1, now: Month(output: 3050, electricity: 200), p12: Month(output: 5000, electricity: 200)))
        let result = fixture.evaluate(U03_BelowElectricityImpliedOutput.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 7)
    }

    @Test func outputBelowImpliedWithoutUsableHistoryIsNotEvaluated() {
        var fixture = PeriodFixture(Self.steadyClass)
        fixture.add([
            Enterprise(1, now: Month(output: 2500, electricity: 200)),
            Enterprise(2, now: Month(output: 2500, electricity: 200), p12: Month(output: 50, electricity: 200)),
            Enterprise(3, now: Month(output: 2500, electricity: 0.5), p12: Month(output: 5000, electricity: 200)),
        ])
        let result = fixture.evaluate(U03_BelowElectricityImpliedOutput.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no report a year ago"] == 1)
        #expect(result.notEvaluated["output a year ago too small"] == 1)
        #expect(result.notEvaluated["electricity too small"] == 1)
    }

    // MARK: U04 sales below invoices

    @Test func salesHalfOfInvoicesIsUnderReported() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 2600, electricity: 200, sales: 2500), admin: AdminEntry(grid: 200, invoiced: 5000))])
        let result = fixture.evaluate(U04_SalesBelowInvoices.self)
        expectFinding(
            result.findings.first, rule: "U04", category: .under, severity: .warning, indicator: "sales_output",
            figures: ["2,500", "5,000", "0.50", "0.60"])
    }

    @Test func salesAtTheLowRatioPasses() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 3100, electricity: 200, sales: 3000), admin: AdminEntry(grid: 200, invoiced: 5000))])
        let result = fixture.evaluate(U04_SalesBelowInvoices.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func salesWithoutUsableInvoicesIsNotEvaluated() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 3100, electricity: 200, sales: 100)),
            Enterprise(2, now: Month(output: 3100, electricity: 200, sales: 10), admin: AdminEntry(grid: 200, invoiced: 50)),
        ])
        let result = fixture.evaluate(U04_SalesBelowInvoices.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no admin data for the enterprise"] == 1)
        #expect(result.notEvaluated["invoiced sales too small"] == 1)
    }

    // MARK: U05 zero output while electricity runs

    static func typicalPower(output: Double = 5000) -> (Month, Month, Month, Month) {
        (Month(output: output, electricity: 200), Month(output: output, electricity: 205),
         Month(output: output, electricity: 195), Month(output: output, electricity: 200))
    }

    @Test func zeroOutputWithRunningElectricityIsUnderReported() {
        let (p1, p2, p3, p12) = Self.typicalPower()
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 0, electricity: 150), p1: p1, p2: p2, p3: p3, p12: p12)])
        let result = fixture.evaluate(U05_ZeroOutputWithElectricity.self)
        let finding = result.findings.first
        expectFinding(finding, rule: "U05", category: .under, severity: .warning, indicator: "gross_output", figures: ["150", "200", "75.0%"])
        #expect(finding?.messageZh.contains("企业填报用电量") == true)
    }

    @Test func zeroOutputWithGridMeterRunningIsUnderReported() {
        let (p1, p2, p3, p12) = Self.typicalPower()
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 0, electricity: 0), p1: p1, p2: p2, p3: p3, p12: p12, admin: AdminEntry(grid: 180, invoiced: 0))])
        let finding = fixture.evaluate(U05_ZeroOutputWithElectricity.self).findings.first
        #expect(finding?.ruleID == "U05")
        #expect(finding?.messageZh.contains("电网售电量180") == true)
    }

    @Test func zeroOutputWithElectricityBelowRunningSharePasses() {
        // 55 < 30% of the typical 200.
        let (p1, p2, p3, p12) = Self.typicalPower()
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 0, electricity: 55), p1: p1, p2: p2, p3: p3, p12: p12)])
        let result = fixture.evaluate(U05_ZeroOutputWithElectricity.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func zeroOutputWithoutHistoryOrNotOperatingIsNotEvaluated() {
        let (p1, p2, p3, p12) = Self.typicalPower()
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 0, electricity: 150)),
            Enterprise(2, now: Month(output: 0, electricity: 150), p1: p1, p2: p2, p3: p3, p12: p12, register: RegisterEntry(status: 2)),
        ])
        let result = fixture.evaluate(U05_ZeroOutputWithElectricity.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no electricity history"] == 1)
        #expect(result.notEvaluated["not operating in the register"] == 1)
    }
}
