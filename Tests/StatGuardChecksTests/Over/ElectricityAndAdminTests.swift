import StatGuardChecks
import StatGuardCore
import Testing

/// O01 (electricity-implied output), O03 (tax and grid records), O08 (shells).
@Suite struct ElectricityAndAdminTests {
    /// Six steady members of class 3011 whose output moved exactly with their electricity (drift 1).
    static let steadyClass = Enterprise.peers(6, from: 100, powerSpread: 0)

    // MARK: O01 above electricity-implied output

    @Test func outputUpFortyPercentOnFlatElectricityIsInflated() {
        var fixture = PeriodFixture(Self.steadyClass)
        fixture.add(Enterprise(1, now: Month(output: 7000, electricity: 200), p12: Month(output: 5000, electricity: 200)))
        let result = fixture.evaluate(O01_AboveElectricityImpliedOutput.self)
        #expect(result.failed == 1)
        let finding = result.findings(about: 1).first
        expectFinding(
            finding, rule: "O01", category: .over, severity: .warning, indicator: "gross_output",
            figures: ["7,000", "40.0%", "0.0%", "5,000", "1.40"])
        #expect(finding?.expected == "5,000 (≤ ×1.35)")
    }

    @Test func outputJustBelowTheHighRatioPasses() {
        var fixture = PeriodFixture(Self.steadyClass)
        fixture.add(Enterprise(1, now: Month(output: 6700, electricity: 200), p12: Month(output: 5000, electricity: 200)))
        let result = fixture.evaluate(O01_AboveElectricityImpliedOutput.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 7)
    }

    @Test func outputWithoutLastYearIsNotEvaluatedForElectricity() {
        var fixture = PeriodFixture(Self.steadyClass)
        fixture.add(Enterprise(1, now: Month(output: 70000, electricity: 200), p1: Month(output: 5000, electricity: 200)))
        let result = fixture.evaluate(O01_AboveElectricityImpliedOutput.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no report a year ago"] == 1)
    }

    @Test func smallClassTakesTheDriftOfAllClasses() {
        // Class 3012 has two members: too few for a drift of its own, so the area's (1.0) applies.
        var fixture = PeriodFixture(Self.steadyClass)
        fixture.add([
            Enterprise(1, industry: "3012", now: Month(output: 7000, electricity: 200), p12: Month(output: 5000, electricity: 200)),
            Enterprise(2, industry: "3012", now: Month(output: 7000, electricity: 200), p12: Month(output: 5000, electricity: 200)),
        ])
        let result = fixture.evaluate(O01_AboveElectricityImpliedOutput.self)
        #expect(result.findings(about: 1).count == 1)
        #expect(result.findings(about: 2).count == 1)
        #expect(result.findings(about: 1).first?.messageEn.contains("×1.00") == true)
    }

    // MARK: O03 above tax or grid records

    @Test func salesFarAboveInvoicesIsInflated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5100, electricity: 200, sales: 5000), admin: AdminEntry(grid: 200, invoiced: 3000))])
        let result = fixture.evaluate(O03_AboveAdministrativeRecords.self)
        expectFinding(
            result.findings.first, rule: "O03", category: .over, severity: .warning, indicator: "sales_output",
            figures: ["5,000", "3,000", "1.67", "1.60"])
    }

    @Test func electricityFarAboveTheGridMeterIsInflated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5100, electricity: 300, sales: 5000), admin: AdminEntry(grid: 200, invoiced: 5000))])
        let result = fixture.evaluate(O03_AboveAdministrativeRecords.self)
        expectFinding(
            result.findings.first, rule: "O03", category: .over, severity: .warning, indicator: "electricity",
            figures: ["300", "200", "1.50"])
    }

    @Test func bothAdminComparisonsMakeOneFailedUnit() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5100, electricity: 300, sales: 5000), admin: AdminEntry(grid: 200, invoiced: 3000))])
        let result = fixture.evaluate(O03_AboveAdministrativeRecords.self)
        #expect(result.findings.count == 2)
        #expect(result.failed == 1)
    }

    @Test func figuresAtTheAdminRatiosPass() {
        // 4,800 / 3,000 = 1.6 and 260 / 200 = 1.3: at the bounds, not above.
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 4900, electricity: 260, sales: 4800), admin: AdminEntry(grid: 200, invoiced: 3000))])
        let result = fixture.evaluate(O03_AboveAdministrativeRecords.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func figuresWithoutAdminRowAreNotEvaluated() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 4900, electricity: 900, sales: 4800)),
            Enterprise(2, now: Month(output: 4900, electricity: 200, sales: 4800), admin: AdminEntry(grid: 200, invoiced: 4800)),
        ])
        let result = fixture.evaluate(O03_AboveAdministrativeRecords.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no admin data for the enterprise"] == 1)
    }

    // MARK: O08 shell enterprise

    @Test func outputWithZeroGridAndZeroInvoicesIsAShell() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 0, invoiced: 0))])
        let finding = fixture.evaluate(O08_ShellEnterprise.self).findings.first
        expectFinding(finding, rule: "O08", category: .over, severity: .warning, indicator: "gross_output", figures: ["5,000"])
        #expect(finding?.messageZh.contains("电网售电量和增值税开票销售额均为零") == true)
    }

    @Test func outputOfEnterpriseAbsentFromAdminDataIsAShell() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200)),
            Enterprise(2, now: Month(output: 5000, electricity: 210), admin: AdminEntry(grid: 210, invoiced: 4900)),
        ])
        let result = fixture.evaluate(O08_ShellEnterprise.self)
        #expect(result.findings(about: 1).first?.messageZh.contains("部门共享数据中无该企业") == true)
        #expect(result.findings(about: 2).isEmpty)
    }

    @Test func outputWithSomeInvoicesIsNotAShell() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 0, invoiced: 10))])
        let result = fixture.evaluate(O08_ShellEnterprise.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func tinyOutputIsNotCheckedForShells() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 99, electricity: 0), admin: AdminEntry(grid: 0, invoiced: 0))])
        let result = fixture.evaluate(O08_ShellEnterprise.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["output below minimum"] == 1)
    }
}
