import StatGuardChecks
import StatGuardCore
import Testing

/// G02 over six towns, each compared with its own history and with the others (issue 16).
@Suite struct TownAggregateTests {
    static let towns = (1...6).map { "51040200\($0)" }

    /// Six class-3011 members in each of six towns, grid and tax figures matching their reports.
    static func area() -> [Enterprise] {
        Enterprise.peers(36, from: 100, region: { Self.towns[$0 % 6] + "001" }).map { $0.withMatchingAdmin() }
    }

    /// Raises the output and sales of `lags` (0: this month) by `factor`; electricity, the meter and
    /// the invoices keep the truth.
    static func inflate(_ e: inout Enterprise, by factor: Double, lags: [Int]) {
        for lag in lags {
            var month = e.report(lag: lag)!
            let sales = month.salesOrDefault
            month.invoiced = sales
            month.output *= factor
            month.sales = sales * factor
            if lag == 0 { e.now = month } else { e.history[lag] = month }
        }
        e.admin = AdminEntry(grid: e.now!.electricity, invoiced: e.now!.salesOrDefault / factor)
    }

    @Test func townInflatingTenPercentForThreeMonthsIsFound() {
        var members = Self.area()
        for i in members.indices where members[i].region.hasPrefix(Self.towns[0]) { Self.inflate(&members[i], by: 1.1, lags: [0, 1, 2]) }
        let result = PeriodFixture(members).evaluate(G02_RegionGrowthAboveElectricity.self)
        let town = result.findings.first { $0.scope == .region && $0.regionCode == Self.towns[0] }
        expectFinding(town, rule: "G02", category: .over, severity: .warning, indicator: "gross_output", figures: [Self.towns[0], "1.10"])
        #expect(town?.messageEn.contains("for 3 consecutive months") == true)
        #expect(result.findings.filter { $0.scope == .enterprise }.count == 6)
        #expect(result.failed == 1)
        #expect(result.passed == 5)
        // No member departs far enough on its own for O01 or O03.
        let fixture = PeriodFixture(members)
        #expect(fixture.evaluate(O01_AboveElectricityImpliedOutput.self).findings.isEmpty)
    }

    @Test func oneEnterpriseDoesNotCarryItsTown() {
        var members = Self.area()
        let first = members.firstIndex { $0.region.hasPrefix(Self.towns[0]) }!
        Self.inflate(&members[first], by: 1.5, lags: [0, 1, 2])
        let result = PeriodFixture(members).evaluate(G02_RegionGrowthAboveElectricity.self)
        #expect(!result.findings.contains { $0.scope == .region })
    }

    @Test func priceBoomOfATownsClassIsNotInflation() {
        // Town 1's members are all 炼焦 (2521), selling 35% dearer on the same electricity, invoiced in full.
        var members = Self.area()
        for i in members.indices where members[i].region.hasPrefix(Self.towns[0]) {
            members[i].industry = "2521"
            var now = members[i].now!
            now.output *= 1.35
            now.sales = now.salesOrDefault * 1.35
            members[i].now = now
            members[i].admin = AdminEntry(grid: now.electricity, invoiced: now.salesOrDefault)
        }
        let result = PeriodFixture(members).evaluate(G02_RegionGrowthAboveElectricity.self)
        #expect(result.findings.isEmpty)
    }
}
