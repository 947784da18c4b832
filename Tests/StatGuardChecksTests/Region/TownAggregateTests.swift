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
    /// the invoices keep the truth (this month's admin figures are set only when `lags` holds 0).
    static func inflate(_ e: inout Enterprise, by factor: Double, lags: [Int]) {
        for lag in lags {
            var month = e.report(lag: lag)!
            let sales = month.salesOrDefault
            month.invoiced = sales
            month.output *= factor
            month.sales = sales * factor
            if lag == 0 { e.now = month } else { e.history[lag] = month }
        }
        if lags.contains(0) { e.admin = AdminEntry(grid: e.now!.electricity, invoiced: e.now!.salesOrDefault / factor) }
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

    @Test func townWhoseLargestMemberKeptToTheTruthIsFound() {
        // Town 1's first member is 40 times its size and reports the truth; its five others inflate by 10% for three
        // months. Their summed output per kWh moves by 3% (within a town's usual wobble); member by member, five of six depart.
        var members = Enterprise.peers(36, from: 100, region: { Self.towns[$0 % 6] + "001" })
        members[0].now = members[0].now!.scaled(output: 40, electricity: 40)
        for lag in [1, 2, 3, 12] { members[0].history[lag] = members[0].history[lag]!.scaled(output: 40, electricity: 40) }
        members = members.map { $0.withMatchingAdmin() }
        for i in members.indices.dropFirst() where members[i].region.hasPrefix(Self.towns[0]) { Self.inflate(&members[i], by: 1.1, lags: [0, 1, 2]) }
        let result = PeriodFixture(members).evaluate(G02_RegionGrowthAboveElectricity.self)
        #expect(result.findings.contains { $0.scope == .region && $0.regionCode == Self.towns[0] })
        let inflated = members.filter { $0.region.hasPrefix(Self.towns[0]) && $0.number != 100 }.map(\.number)
        #expect(inflated.count == 5)
        #expect(inflated.allSatisfy { !result.findings(about: $0).isEmpty })
    }

    @Test func aRunIsJudgedAsAWhole() {
        // Two months at +8%, then +4% this month: this month alone is under `minimum_excess` (1.05), the run is not.
        var members = Self.area()
        for i in members.indices where members[i].region.hasPrefix(Self.towns[0]) {
            Self.inflate(&members[i], by: 1.08, lags: [1, 2])
            Self.inflate(&members[i], by: 1.04, lags: [0])
        }
        let result = PeriodFixture(members).evaluate(G02_RegionGrowthAboveElectricity.self)
        let town = result.findings.first { $0.scope == .region && $0.regionCode == Self.towns[0] }
        #expect(town?.messageEn.contains("for 3 consecutive months") == true)
        // The same +4% alone is not enough.
        var alone = Self.area()
        for i in alone.indices where alone[i].region.hasPrefix(Self.towns[0]) { Self.inflate(&alone[i], by: 1.04, lags: [0]) }
        #expect(!PeriodFixture(alone).evaluate(G02_RegionGrowthAboveElectricity.self).findings.contains { $0.scope == .region })
    }

    @Test func aRunThatEndedIsNotNews() {
        // Two months at +10%, back to the truth this month.
        var members = Self.area()
        for i in members.indices where members[i].region.hasPrefix(Self.towns[0]) { Self.inflate(&members[i], by: 1.1, lags: [1, 2]) }
        let result = PeriodFixture(members).evaluate(G02_RegionGrowthAboveElectricity.self)
        #expect(result.findings.isEmpty)
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
