import Foundation
import StatGuardChecks
import StatGuardCore
import StatGuardIngest
import StatGuardTestSupport
import Testing

/// The context, history alignment, results, catalog and quarantine findings.
@Suite struct EngineTests {
    @Test func historyLagsFollowTheReportingCalendar() {
        let combined = PeriodHistory(period: Period(year: 2024, month: 2), calendar: ReportingCalendar(), reports: [:], admin: [:])
        #expect(combined.period(lag: 1) == Period(year: 2023, month: 12))
        #expect(combined.period(lag: 2) == Period(year: 2023, month: 11))
        #expect(combined.period(lag: 12) == Period(year: 2023, month: 2))
        let march = PeriodHistory(period: Period(year: 2024, month: 3), calendar: ReportingCalendar(), reports: [:], admin: [:])
        #expect(march.period(lag: 1) == Period(year: 2024, month: 2))
        #expect(march.period(lag: 2) == Period(year: 2023, month: 12))
        let monthly = PeriodHistory(
            period: Period(year: 2024, month: 2), calendar: ReportingCalendar(combinesJanuaryFebruary: false), reports: [:], admin: [:])
        #expect(monthly.period(lag: 1) == Period(year: 2024, month: 1))
    }

    @Test("the context keeps the admin months of the baselines' lags; the invoices still cover all twelve")
    func contextReleasesAdminMonthsOutsideTheLags() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 200, invoiced: 100), monthlyInvoices: 100)
        ])
        let history = fixture.history
        let context = fixture.context
        let lagMonths = Set(EnterpriseBaseline.lags.map(history.period(lag:)))
        #expect(history.admin.count > lagMonths.count)
        #expect(Set(context.history.admin.keys) == lagMonths.intersection(history.admin.keys))
        // 100 a month over the twelve months up to this one: the stored months outside the lags count too.
        #expect(context.invoices.months(PeriodFixture.code(1)) == 12)
        #expect(context.invoices.twelveMonths(PeriodFixture.code(1), minimumMonths: 12) == 1200)
    }

    @Test func laggedFiguresAlignByCreditCode() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200), p12: Month(output: 4000, electricity: 180)),
            Enterprise(2, now: Month(output: 7000, electricity: 300)),
            Enterprise(3, now: Month(output: 9000, electricity: 400), p12: Month(output: 8000, electricity: 390)),
        ])
        let context = fixture.context
        let lastYear = context.lagged(.grossOutput, 12)
        #expect(lastYear[0] == 4000)
        #expect(lastYear[1].isNaN)
        #expect(lastYear[2] == 8000)
        let lastPeriod = context.lagged(.grossOutput, 1).filter { !$0.isNaN }
        let invoiced = context.adminAligned(.invoicedSales).filter { !$0.isNaN }
        #expect(lastPeriod.isEmpty)
        #expect(invoiced.isEmpty)
        #expect(context.rowsByClass[IndustryCode("3011")!] == [0, 1, 2])
        #expect(context.registerRows == [0, 1, 2])
    }

    @Test func countyTotalsNeverDivideByZero() {
        let context = PeriodFixture([Enterprise(1, region: "510402001001", now: Month(output: 5000, electricity: 200))]).context
        #expect(context.countyTotals.total(.grossOutput, county: RegionCode("510402009001")!) == 5000)
        #expect(context.countyTotals.total(.grossOutput, county: RegionCode("510403001001")!) == 1)
        #expect(context.countyTotals.areaTotal(.exportDelivery) == 1)
    }

    @Test func resultCountsUnitsNotFindings() {
        var result = CheckResult(ruleID: "X01")
        result.pass()
        result.record([])
        result.notEvaluated("no history")
        result.notEvaluated("no history")
        #expect(result.evaluated == 2)
        #expect(result.failed == 0)
        #expect(result.passed == 2)
        #expect(result.notEvaluated["no history"] == 2)
    }

    @Test func catalogCarriesEveryRuleOfTheDomainTable() {
        let ids = CheckCatalog.checks.map { $0.entry.ruleID }
        #expect(ids == ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "U01", "U02", "U03", "U04", "U05",
                        "O01", "O02", "O03", "O04", "O05", "O06", "O07", "O08", "O09", "O10", "O11", "N01",
                        "G01", "G02", "G03", "G04"])
        for check in CheckCatalog.checks {
            let d = check.entry
            let expected: FindingCategory = switch d.ruleID.rawValue.first! {
            case "C": .consistency
            case "U": .under
            case "N": .unit
            case "G": d.ruleID == "G03" ? .under : .over
            default: .over
            }
            #expect(d.category == expected, "\(d.ruleID)")
            #expect(Set(d.parameters.map(\.name)).count == d.parameters.count, "\(d.ruleID) repeats a parameter")
            for parameter in d.parameters {
                #expect(parameter.allowed.contains(parameter.defaultValue), "\(d.ruleID).\(parameter.name)")
            }
        }
        #expect(CheckCatalog.entries.filter { !$0.canBeDisabled }.count == StructureRule.allCases.count)
    }

    @Test func quarantinedRowWithValidCodeIsAboutTheEnterprise() throws {
        let folder = try FixtureFolder("checks-quarantine")
        let csv = ContractCSV.reports
        let path = try folder.write("reports_202403.csv", text: csv.text([
            csv.row(["gross_output": "-5"]),
            csv.row(["credit_code": TestCodes.realFailing, "name": "坏代码公司"]),
            csv.row(["credit_code": TestCodes.valid(7)]),
        ]))
        let read = try ContractFileReader(kind: .reports, options: ReadOptions(period: Period(year: 2024, month: 3))).read(path: path)
        #expect(read.quarantined.count == 2)
        let findings = QuarantineFindings.make(read.quarantined, period: Period(year: 2024, month: 3))
        let negative = try #require(findings.first { $0.ruleID == "S06" })
        #expect(negative.scope == .enterprise)
        #expect(negative.creditCode?.description == "91110000101623741K")
        #expect(negative.regionCode == "110108001002")
        #expect(negative.category == .structure)
        #expect(negative.severity == .error)
        #expect(negative.score == 0)
        #expect(negative.messageZh.contains("reports_202403.csv第2行"))
        let badCode = try #require(findings.first { $0.ruleID == "S02" })
        #expect(badCode.scope == .file)
        #expect(badCode.creditCode == nil)
        #expect(badCode.messageEn.contains("line 3"))
    }
}

/// Checks declare what they read from earlier periods, and the store fetches only that.
@Suite("Declared history")
struct DeclaredHistoryTests {
    @Test func everyRuleReadsOnlyWhatItDeclares() {
        // Every figure at every lag present, so an undeclared read would find data and stop on the assertion.
        var fixture = PeriodFixture(period: Period(year: 2024, month: 12))
        for number in 1...12 {
            let month = Month(output: Double(4_000 + number * 100), electricity: Double(100 + number))
            fixture.add(Enterprise(number, now: month, p1: month, p2: month, p3: month, p12: month))
        }
        let fixtureWithAdmin = fixture.withMatchingAdmin()
        for check in CheckCatalog.checks {
            let result = fixtureWithAdmin.evaluate(check)
            #expect(result.ruleID == check.entry.ruleID)
        }
    }

    @Test func theUnionCoversEachCheckAndNothingElse() {
        let all = CheckCatalog.history(of: Set(CheckCatalog.checks.map { $0.entry.ruleID }))
        for check in CheckCatalog.checks {
            for (lag, fields) in check.history.reports {
                for field in fields { #expect(all.provides(field, lag: lag), "\(check.entry.ruleID) \(field)@\(lag)") }
            }
        }
        #expect(!all.isEverything)
        #expect(all.reports.keys.sorted() == [1, 2, 3, 12])
        // O03's own electricity-to-meter baseline reads the grid's meter of earlier months too.
        #expect(all.admin == ["grid_electricity", "invoiced_sales"])
        // A pipeline that switches off the admin-history checks does not read twelve months of admin data.
        #expect(CheckCatalog.history(of: ["C01", "O01"]).admin.isEmpty)
    }
}
