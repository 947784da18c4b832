import StatGuardChecks
import StatGuardCore
import Testing

/// C01-C07: figures that contradict each other or last period's.
@Suite struct ConsistencyTests {
    // MARK: C01 export above sales

    @Test func exportAboveSalesIsAnError() throws {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 4000, export: 4500))])
        let result = fixture.evaluate(C01_ExportExceedsSales.self)
        #expect(result.failed == 1)
        expectFinding(
            result.findings.first, rule: "C01", category: .consistency, severity: .error, indicator: "export_delivery",
            figures: ["4,500", "4,000"])
        #expect(result.findings.first?.observed == "4,500")
    }

    @Test func exportWithinRoundingOfSalesPasses() {
        // 4,000 × 1.001 + 0.5 = 4,004.5
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 4000, export: 4004))])
        let result = fixture.evaluate(C01_ExportExceedsSales.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func blankExportIsNotEvaluated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200))])
        let result = fixture.evaluate(C01_ExportExceedsSales.self)
        #expect(result.findings.isEmpty)
        #expect(result.evaluated == 0)
        #expect(result.notEvaluated["export delivery blank"] == 1)
    }

    // MARK: C02 year to date below the month

    @Test func yearToDateBelowTheMonthIsAnError() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, outputYTD: 3000))])
        let result = fixture.evaluate(C02_CumulativeBelowMonth.self)
        #expect(result.failed == 1)
        expectFinding(
            result.findings.first, rule: "C02", category: .consistency, severity: .error, indicator: "gross_output_ytd",
            figures: ["3,000", "5,000"])
    }

    @Test func yearToDateWithinRoundingOfTheMonthPasses() {
        // 5,000 × 0.999 − 0.5 = 4,994.5
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, outputYTD: 4995))])
        let result = fixture.evaluate(C02_CumulativeBelowMonth.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func salesYearToDateBelowItsMonthIsFoundToo() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 4900, salesYTD: 1000))])
        let result = fixture.evaluate(C02_CumulativeBelowMonth.self)
        expectFinding(
            result.findings.first, rule: "C02", category: .consistency, severity: .error, indicator: "sales_output_ytd",
            figures: ["1,000", "4,900"])
    }

    // MARK: C03 broken 累计 chain

    @Test func brokenChainIsAWarning() {
        // Last period's 累计 20,000 + this month's 5,000 = 25,000, but 26,000 reported.
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 5000, electricity: 200, outputYTD: 26000),
            p1: Month(output: 4800, electricity: 190, outputYTD: 20000))])
        let result = fixture.evaluate(C03_BrokenCumulativeChain.self)
        #expect(result.failed == 1)
        expectFinding(
            result.findings.first, rule: "C03", category: .consistency, severity: .warning, indicator: "gross_output_ytd",
            figures: ["26,000", "20,000", "5,000", "25,000"])
        #expect(result.findings.first?.expected == "25,000")
    }

    @Test func chainBreaksOfEqualSizeScoreAlikeForOutputAndSales() throws {
        // Regression: the sales 累计 gap was weighed against the county's monthly sales,
        // not its sales 累计, so it scored about five times the same gap in output.
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 5000, electricity: 200, sales: 5000, outputYTD: 26000, salesYTD: 26000),
            p1: Month(output: 5000, electricity: 200, sales: 5000, outputYTD: 20000, salesYTD: 20000))])
        let findings = fixture.evaluate(C03_BrokenCumulativeChain.self).findings
        let output = try #require(findings.first { $0.indicator == "gross_output_ytd" })
        let sales = try #require(findings.first { $0.indicator == "sales_output_ytd" })
        #expect(abs(output.score - sales.score) < 1e-9)
    }

    @Test func chainWithinHalfAPercentPasses() {
        // |25,120 − 25,000| = 120 ≤ 0.5% × 25,120 = 125.6
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 5000, electricity: 200, outputYTD: 25120),
            p1: Month(output: 4800, electricity: 190, outputYTD: 20000))])
        let result = fixture.evaluate(C03_BrokenCumulativeChain.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func chainWithoutLastPeriodIsNotEvaluated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, outputYTD: 26000))])
        let result = fixture.evaluate(C03_BrokenCumulativeChain.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no report last period"] == 1)
    }

    @Test func januaryFebruaryYearToDateMustEqualTheMonth() {
        // 1-2月 opens the year: its 累计 is its 本月, whatever last December's 累计 was.
        let december = Month(output: 5000, electricity: 200, outputYTD: 60000)
        let good = Enterprise(1, now: Month(output: 9000, electricity: 380), p1: december)
        let chained = Enterprise(2, now: Month(output: 9000, electricity: 380, outputYTD: 69000), p1: december)
        let fixture = PeriodFixture(period: Period(year: 2024, month: 2), [good, chained])
        let result = fixture.evaluate(C03_BrokenCumulativeChain.self)
        #expect(result.findings(about: 1).isEmpty)
        expectFinding(
            result.findings(about: 2).first, rule: "C03", category: .consistency, severity: .warning,
            indicator: "gross_output_ytd", figures: ["69,000", "9,000"])
        #expect(result.evaluated == 2)
    }

    @Test func januaryFebruaryNeedsNoHistory() {
        let fixture = PeriodFixture(period: Period(year: 2024, month: 2), [Enterprise(1, now: Month(output: 9000, electricity: 380, outputYTD: 9000))])
        let result = fixture.evaluate(C03_BrokenCumulativeChain.self)
        #expect(result.passed == 1)
        #expect(result.notEvaluated.isEmpty)
    }

    @Test func marchChainsOnJanuaryFebruary() {
        // The period before 2024-03 is 1-2月 (2024-02), whose 累计 is its 本月.
        let fixture = PeriodFixture(period: Period(year: 2024, month: 3), [
            Enterprise(1, now: Month(output: 5000, electricity: 200, outputYTD: 14000), p1: Month(output: 9000, electricity: 380)),
            Enterprise(2, now: Month(output: 5000, electricity: 200, outputYTD: 5000), p1: Month(output: 9000, electricity: 380)),
        ])
        #expect(fixture.periodBack(1) == Period(year: 2024, month: 2))
        let result = fixture.evaluate(C03_BrokenCumulativeChain.self)
        #expect(result.findings(about: 1).isEmpty)
        #expect(result.findings(about: 2).first?.expected == "14,000")
    }

    @Test func separateJanuaryChainsFebruaryOnJanuary() {
        let monthly = ReportingCalendar(combinesJanuaryFebruary: false)
        let january = Month(output: 4000, electricity: 160, outputYTD: 4000)
        let fixture = PeriodFixture(period: Period(year: 2024, month: 2), calendar: monthly, [
            Enterprise(1, now: Month(output: 5000, electricity: 200, outputYTD: 9000), p1: january),
            Enterprise(2, now: Month(output: 5000, electricity: 200, outputYTD: 5000), p1: january),
        ])
        let result = fixture.evaluate(C03_BrokenCumulativeChain.self)
        #expect(result.findings(about: 1).isEmpty)
        #expect(result.findings(about: 2).first?.expected == "9,000")
    }

    // MARK: C04 产销率 band

    @Test func salesRatioBelowHalfIsAWarning() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 2000))])
        let result = fixture.evaluate(C04_SalesRatioBand.self)
        expectFinding(
            result.findings.first, rule: "C04", category: .consistency, severity: .warning, indicator: "sales_output",
            figures: ["40.0%", "2,000", "5,000"])
    }

    @Test func salesRatioAtTheBandEdgesPasses() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 2500)),
            Enterprise(2, now: Month(output: 5000, electricity: 200, sales: 7500)),
        ])
        let result = fixture.evaluate(C04_SalesRatioBand.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 2)
    }

    @Test func salesRatioAboveTheBandIsFound() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 7600))])
        #expect(fixture.evaluate(C04_SalesRatioBand.self).findings.first?.observed == "152.0%")
    }

    @Test func salesRatioOfZeroOutputIsNotEvaluated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 0, electricity: 200, sales: 300))])
        let result = fixture.evaluate(C04_SalesRatioBand.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["gross output zero"] == 1)
    }

    // MARK: C05 output without energy

    @Test func outputWithNoElectricityAndNoEnergyIsAWarning() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 0))])
        let result = fixture.evaluate(C05_OutputWithoutEnergy.self)
        expectFinding(
            result.findings.first, rule: "C05", category: .consistency, severity: .warning, indicator: "electricity",
            figures: ["5,000"])
    }

    @Test func outputWithEnergyButNoElectricityPasses() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 0, energy: 12))])
        let result = fixture.evaluate(C05_OutputWithoutEnergy.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func tinyOutputIsNotCheckedForEnergy() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 99, electricity: 0))])
        let result = fixture.evaluate(C05_OutputWithoutEnergy.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["output below minimum"] == 1)
    }

    // MARK: C06 output without employees

    @Test func outputWithZeroEmployeesIsAWarning() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, employees: 0))])
        let result = fixture.evaluate(C06_OutputWithoutEmployees.self)
        expectFinding(
            result.findings.first, rule: "C06", category: .consistency, severity: .warning, indicator: "employees",
            figures: ["5,000"])
    }

    @Test func outputWithOneEmployeePasses() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, employees: 1))])
        #expect(fixture.evaluate(C06_OutputWithoutEmployees.self).passed == 1)
    }

    @Test func tinyOutputIsNotCheckedForEmployees() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 50, electricity: 2, employees: 0))])
        let result = fixture.evaluate(C06_OutputWithoutEmployees.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["output below minimum"] == 1)
    }

    // MARK: C07 copied figures (估报)

    @Test func threeFiguresCopiedFromLastPeriodIsAWarning() {
        let same = Month(output: 5000, electricity: 200, sales: 4900)
        let fixture = PeriodFixture([Enterprise(1, now: same, p1: same)])
        let result = fixture.evaluate(C07_CopiedFigures.self)
        expectFinding(
            result.findings.first, rule: "C07", category: .consistency, severity: .warning,
            indicator: "gross_output+sales_output+electricity", figures: ["3"])
        #expect(result.findings.first?.messageZh.contains("3项指标（工业总产值、工业销售产值、工业用电量）") == true)
        #expect(result.findings.first?.messageEn.contains("(gross output, sales output, electricity)") == true)
    }

    @Test func twoFiguresCopiedFromLastPeriodPasses() {
        let fixture = PeriodFixture([Enterprise(
            1, now: Month(output: 5000, electricity: 201, sales: 4900), p1: Month(output: 5000, electricity: 200, sales: 4900))])
        let result = fixture.evaluate(C07_CopiedFigures.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
    }

    @Test func copiedFiguresWithoutLastPeriodIsNotEvaluated() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), p12: Month(output: 5000, electricity: 200))])
        let result = fixture.evaluate(C07_CopiedFigures.self)
        #expect(result.findings.isEmpty)
        #expect(result.notEvaluated["no report last period"] == 1)
    }
}
