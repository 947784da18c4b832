import StatGuardChecks
import StatGuardCore
import Testing

/// The runner: unit errors explaining other findings, switched-off checks, missing inputs.
@Suite struct CheckRunnerTests {
    /// Twelve steady members of class 3011.
    static let classPeers = Enterprise.peers(12, from: 100)

    /// Enterprise 1 enters this month's gross output in 元: 5,000,000 instead of 5,000,
    /// while its 累计 (25,000) and sales (4,900) are in 千元.
    static let yuanInsteadOfThousands = Enterprise(
        1, now: Month(output: 5_000_000, electricity: 200, sales: 4900, outputYTD: 25000, salesYTD: 24500),
        p1: Month(output: 5000, electricity: 200, sales: 4900, outputYTD: 20000, salesYTD: 19600),
        p2: Month(output: 5100, electricity: 204), p3: Month(output: 4900, electricity: 196),
        p12: Month(output: 4800, electricity: 190))

    /// The unit error explains the over/under findings (reported as `unit`, not also as
    /// inflation); the contradictions inside the report stay, since they are true whatever the unit.
    @Test func unitErrorExplainsTheOtherFindingsAboutTheEnterprise() {
        let fixture = PeriodFixture(Self.classPeers + [Self.yuanInsteadOfThousands])
        // On their own, these checks all see enterprise 1's figure.
        for check in [O01_AboveElectricityImpliedOutput.self, O04_YearOnYearOutlier.self, C03_BrokenCumulativeChain.self,
                      C02_CumulativeBelowMonth.self, N01_UnitMixUp.self] as [any Check.Type] {
            #expect(!fixture.evaluate(check).findings(about: 1).isEmpty, "\(check.entry.ruleID)")
        }
        let run = fixture.run()
        let about = run.findings(about: 1)
        #expect(about.map(\.ruleID) == ["C02", "C03", "C04", "N01"])
        expectFinding(about.last, rule: "N01", category: .unit, severity: .error, indicator: "gross_output", figures: ["5,000,000"])
        #expect(!about.contains { $0.category == .over || $0.category == .under })
        for id in ["O01", "O04"] {
            #expect(run.result(id).findings.isEmpty, "\(id) kept a finding explained by the unit error")
        }
    }

    @Test func unitErrorLeavesOtherEnterprisesFindingsAlone() {
        let copied = Month(output: 6000, electricity: 250, sales: 5900)
        let fixture = PeriodFixture(Self.classPeers + [Self.yuanInsteadOfThousands, Enterprise(2, now: copied, p1: copied)])
        let run = fixture.run()
        #expect(run.findings(about: 2).map(\.ruleID) == ["C07"])
    }

    @Test func switchedOffCheckIsSkippedWithItsReason() {
        var fixture = PeriodFixture(Self.classPeers)
        fixture.add(Enterprise(1, now: Month(output: 9000, electricity: 200), p12: Month(output: 5000, electricity: 200)))
        #expect(fixture.run().result("O01").findings.count == 1)
        let run = fixture.run(["O01": CheckSettings(enabled: false)])
        let result = run.result("O01")
        #expect(result.skipped == "switched off in the pipeline")
        #expect(result.findings.isEmpty)
        #expect(result.evaluated == 0)
        #expect(!run.findings.contains { $0.ruleID == "O01" })
        #expect(run.result("U03").skipped == nil)
    }

    @Test func checkNeedingAdminDataIsSkippedWithoutIt() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), admin: AdminEntry(grid: 0, invoiced: 0))])
        #expect(fixture.run().result("O08").findings.count == 1)
        let run = fixture.run(available: [.reports, .register])
        for id in ["U02", "U04", "O03", "O08", "O09"] {
            #expect(run.result(id).skipped == "needs the admin file, which this load does not have", "\(id)")
            #expect(run.result(id).findings.isEmpty)
        }
        #expect(run.result("O02").skipped == "needs the capacity file, which this load does not have")
        #expect(run.result("C01").skipped == nil)
    }

    @Test func productsWithoutCapacityStillSkipsO02() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200), products: [Product(output: 10, outputYTD: 60)])])
        #expect(fixture.run().result("O02").skipped == "needs the capacity file, which this load does not have")
    }

    @Test func severityFromThePipelineOverridesTheDefault() {
        let fixture = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 4000, export: 4500))])
        let run = fixture.run(["C01": CheckSettings(severity: .warning)])
        #expect(run.result("C01").findings.first?.severity == .warning)
    }

    @Test func runnerKeepsCatalogOrderAndEveryRule() {
        let run = PeriodFixture([Enterprise(1, now: Month(output: 5000, electricity: 200))]).run()
        #expect(run.results.map(\.ruleID) == CheckCatalog.checks.map { $0.entry.ruleID })
        #expect(run.results.count == 29)
    }

    @Test func scoresAreNonNegativeAndGrowWithTheDeviation() {
        var fixture = PeriodFixture(Self.classPeers)
        fixture.add([
            Enterprise(1, now: Month(output: 7000, electricity: 200), p12: Month(output: 5000, electricity: 200)),
            Enterprise(2, now: Month(output: 12000, electricity: 200), p12: Month(output: 5000, electricity: 200)),
            Enterprise(3, now: Month(output: 5000, electricity: 0, sales: 4000, export: 4500, employees: 0)),
            Enterprise(4, now: nil, p1: Month(output: 3000, electricity: 100)),
        ])
        let run = fixture.run()
        #expect(!run.findings.isEmpty)
        let badScores = run.findings.filter { !($0.score >= 0 && $0.score.isFinite) }
        #expect(badScores.isEmpty)
        let small = run.result("O01").findings(about: 1).first?.score ?? .nan
        let large = run.result("O01").findings(about: 2).first?.score ?? .nan
        #expect(large > small)
    }

    @Test func biggerExportExcessScoresHigher() {
        let fixture = PeriodFixture([
            Enterprise(1, now: Month(output: 5000, electricity: 200, sales: 4000, export: 4500)),
            Enterprise(2, now: Month(output: 5000, electricity: 200, sales: 4000, export: 6000)),
        ])
        let result = fixture.evaluate(C01_ExportExceedsSales.self)
        #expect(result.findings(about: 2)[0].score > result.findings(about: 1)[0].score)
    }
}
