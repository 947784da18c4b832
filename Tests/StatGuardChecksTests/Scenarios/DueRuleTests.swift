import StatGuardChecks
import StatGuardCore
import Testing

/// One due rule for U01, U02, O09, O10 and the reporting rate (``ColumnTable/isDueToReport(row:period:)``):
/// the register is today's, and an enterprise now 注销 or 停业 was due before its 出库年月 (issue 16).
@Suite struct DueRuleTests {
    static let june = Period(year: 2024, month: 6)
    static let deregisteredLater = RegisterEntry(status: 4, exited: Period(year: 2024, month: 9))

    @Test func deregisteredEnterpriseReportingBeforeItsExitIsNotStopped() {
        // Loading June with September's register: it left in September, so in June it had to report.
        let fixture = PeriodFixture(period: Self.june, [
            Enterprise(1, now: Month(output: 5000, electricity: 200), register: Self.deregisteredLater),
            Enterprise(2, now: Month(output: 4000, electricity: 160), register: RegisterEntry(status: 4, exited: Period(year: 2024, month: 4))),
            Enterprise(3, now: Month(output: 3000, electricity: 120), register: RegisterEntry(status: 2)),
        ])
        let result = fixture.evaluate(O10_StoppedButReporting.self)
        #expect(result.findings(about: 1).isEmpty)
        #expect(result.findings(about: 2).first?.messageZh.contains("注销") == true)
        #expect(result.findings(about: 3).first?.messageZh.contains("停业") == true)
        #expect(result.passed == 1)
    }

    @Test func deregisteredEnterpriseBeforeItsExitIsDueAndNotUnregistered() {
        // The same enterprise sending no June report is missing (U01); invoicing like a 规上 firm it is
        // in the panel, not one to take in (U02).
        var missing = Enterprise(1, now: nil, p1: Month(output: 5000, electricity: 200), register: Self.deregisteredLater,
                                 admin: AdminEntry(grid: 200, invoiced: 3000), monthlyInvoices: 3000)
        missing.adminFollowsReports = false
        let fixture = PeriodFixture(period: Self.june, [missing])
        #expect(fixture.evaluate(U01_MissingReport.self).findings(about: 1).count == 1)
        let u02 = fixture.evaluate(U02_UnregisteredAboveThreshold.self)
        #expect(u02.findings.isEmpty)
        #expect(u02.evaluated == 0)
    }

    @Test func enterpriseNowBelowScaleWasDueBeforeItsExit() {
        let register = ColumnTableRegister.table(aboveScale: 0, status: 1, exited: Period(year: 2024, month: 9))
        #expect(register.isDueToReport(row: 0, period: Self.june))
        #expect(!register.isDueToReport(row: 0, period: Period(year: 2024, month: 9)))
        #expect(!ColumnTableRegister.table(aboveScale: 0, status: 1, exited: nil).isDueToReport(row: 0, period: Self.june))
        #expect(!ColumnTableRegister.table(aboveScale: 1, status: 2, exited: nil).isDueToReport(row: 0, period: Self.june))
        #expect(ColumnTableRegister.table(aboveScale: 1, status: 1, exited: nil).isDueToReport(row: 0, period: Self.june))
    }
}

/// One-row register tables for the due rule.
enum ColumnTableRegister {
    static func table(aboveScale: UInt8, status: UInt8, exited: Period?) -> ColumnTable {
        var entry = RegisterEntry(aboveScale: aboveScale == 1, status: status)
        entry.exited = exited
        return PeriodFixture(period: DueRuleTests.june, [Enterprise(1, now: nil, register: entry)]).registerTable()
    }
}
