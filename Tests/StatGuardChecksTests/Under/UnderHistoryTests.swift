import StatGuardChecks
import StatGuardCore
import Testing

/// U03 and U04 on an enterprise's own history, and U02's recent activity (issue 16).
@Suite struct UnderHistoryTests {
    static let peers = Enterprise.peers(12, from: 100).map { $0.withMatchingAdmin() }
    static let normal = Month(output: 5000, electricity: 200, sales: 4900)

    static func subject(_ now: Month, admin: AdminEntry? = nil) -> Enterprise {
        var e = Enterprise(1, now: now, p1: normal, p2: normal, p3: normal, p12: normal).withMatchingAdmin()
        if let admin { e.admin = admin }
        return e
    }

    // MARK: U03

    @Test func outputTwentyTwoPercentBelowItsUsualPerKilowattHourIsFound() {
        // Above DOMAIN.md's electricity-implied 0.6, below its own level by 0.78.
        let result = PeriodFixture(Self.peers + [Self.subject(Month(output: 3900, electricity: 200, sales: 3822))]).evaluate(U03_BelowElectricityImpliedOutput.self)
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "U03", category: .under, severity: .warning, indicator: "gross_output", figures: ["3,900"])
        #expect(finding?.variant == "history")
    }

    @Test func shutdownKeepingABaseLoadIsNotUnderReporting() {
        // Maintenance: output −80%, electricity −55% (lighting, furnaces kept warm). Output per kWh fell by
        // half, but the plant itself ran differently: its electricity fell too.
        let shutdown = Self.subject(Month(output: 1000, electricity: 90, sales: 980))
        let run = PeriodFixture(Self.peers + [shutdown]).withMatchingAdmin().run()
        #expect(run.findings(about: 1).filter { $0.category == .over || $0.category == .under }.isEmpty)
    }

    // MARK: U04

    @Test func salesQuarterBelowItsUsualInvoicesIsFound() {
        // 0.75 is an ordinary ratio elsewhere, not for an enterprise whose sales always matched its invoices.
        let result = PeriodFixture(Self.peers + [Self.subject(Month(output: 5000, electricity: 200, sales: 3675), admin: AdminEntry(grid: 200, invoiced: 4900))])
            .evaluate(U04_SalesBelowInvoices.self)
        let finding = result.findings(about: 1).first
        expectFinding(finding, rule: "U04", category: .under, severity: .warning, indicator: "sales_output", figures: ["3,675", "4,900", "0.75"])
        #expect(finding?.variant == "history")
    }

    // MARK: U02 recent activity

    @Test func stoppedEnterpriseWithOldInvoicesIsNotUnregistered() {
        // Regression (issue 16): a 规上 enterprise that stopped (停业, 出库 in February) invoiced 3,000 a
        // month until then; its twelve months still reach 24,000, its last three months are zero.
        let june = Period(year: 2024, month: 6)
        var stopped = Enterprise(
            1, now: nil, register: RegisterEntry(status: 2, exited: Period(year: 2024, month: 2)), admin: AdminEntry(grid: 3, invoiced: 0),
            monthlyInvoices: 3000)
        stopped.invoicesStoppedMonths = 3
        let result = PeriodFixture(period: june, [stopped]).evaluate(U02_UnregisteredAboveThreshold.self)
        #expect(result.findings.isEmpty)
        #expect(result.passed == 1)
        // Invoicing again this month at its old rate: found.
        stopped.admin = AdminEntry(grid: 60, invoiced: 3000)
        stopped.invoicesStoppedMonths = 1
        let again = PeriodFixture(period: june, [stopped]).evaluate(U02_UnregisteredAboveThreshold.self).findings.first
        #expect(again?.messageZh.contains("不在报送范围") == true)
    }
}
