import Foundation
import GRDB
import StatGuardCore
@testable import StatGuardStore
import StatGuardTestSupport
import Testing

/// Findings kept as compressed columns per period (`finding_column`) read back as the run produced
/// them: every period apart, in order, and the queries by enterprise and by region answer as the
/// row table did.
@Suite("Finding columns")
struct FindingColumnsTests {
    static let (february, march, april) = (periodOf("2024-02"), periodOf("2024-03"), periodOf("2024-04"))
    static let codes = AreaFixture.enterprises.map { try! CreditCode.parse($0.code).get() }

    /// A finding of `period` about enterprise `index` of the area (about a region when nil).
    static func finding(
        _ period: Period, _ rule: String, _ index: Int?, score: Double, name: String? = nil, slots: FindingSlots = ["value": 1]
    ) -> Finding {
        let enterprise = index.map { AreaFixture.enterprises[$0] }
        return Finding(
            period: period, scope: enterprise == nil ? .region : .enterprise, creditCode: index.map { codes[$0] },
            name: name ?? enterprise?.name ?? "仁和区", regionCode: enterprise?.region ?? "510411",
            industryCode: enterprise?.industry ?? "", ruleID: RuleID(rule), variant: index == nil ? "" : "history",
            category: .over, severity: .warning, score: score, indicator: "gross_output", slots: slots)
    }

    /// Texts a column must keep byte for byte, and numbers the slots' JSON cannot hold (they read as NaN).
    static let awkward: [Finding] = [
        finding(march, "O01", 0, score: 0.1 + 0.2, name: "攀枝花\"焦化\"\n有限公司\t\\", slots: [
            "quote": .text("总产值\"偏高\"，\n请核实。\u{1}"), "nan": .number(.nan), "up": .number(.infinity),
            "down": .number(-.infinity), "tiny": .number(5e-324), "empty": .text(""),
        ]),
        finding(march, "G03", nil, score: 1e300),
        finding(march, "O01", 1, score: 0, name: ""),
        finding(march, "U02", 0, score: 7.25),
    ]

    /// `findings` as a store reads them back: slot numbers that are not finite become NaN.
    static func asRead(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            var read = finding
            for (name, value) in zip(finding.slots.names, finding.slots.values) {
                if case .number(let number) = value, !number.isFinite { read.slots[name] = .number(.nan) }
            }
            return read
        }
    }

    /// Findings compared as written out, so NaN equals NaN and -0.0 differs from 0.
    static func text(_ findings: [Finding]) -> String {
        findings.map { "\($0) score bits \($0.score.bitPattern)" }.joined(separator: "\n")
    }

    static func store(_ fixture: StoreFixture, _ loads: [(Period, [Finding])]) throws -> Store {
        let store = try fixture.open()
        for (period, findings) in loads {
            try store.replace(StoreFixture.load(period, reports: try fixture.reports(period), register: try fixture.register(), findings: findings))
        }
        return store
    }

    @Test("findings of several periods come back each with its period, in the run's order, texts byte for byte")
    func severalPeriods() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let february = [Self.finding(Self.february, "O04", 2, score: 3), Self.finding(Self.february, "C02", nil, score: -0.0)]
        let store = try Self.store(fixture, [(Self.march, Self.awkward), (Self.february, february), (Self.april, [])])
        #expect(Self.text(try store.findings(of: Self.march)) == Self.text(Self.asRead(Self.awkward)))
        #expect(Self.text(try store.findings(of: Self.february)) == Self.text(february))
        #expect(try store.findings(of: Self.april).isEmpty)
        #expect(try store.findings(of: Self.march).map(\.creditCode) == [Self.codes[0], nil, Self.codes[1], Self.codes[0]])
    }

    @Test("reloading a period replaces its findings only; a reload without findings leaves it none")
    func reload() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let february = [Self.finding(Self.february, "O04", 2, score: 3)]
        let store = try Self.store(fixture, [(Self.february, february), (Self.march, Self.awkward)])
        let digest = try store.contentDigest()
        try store.replace(StoreFixture.load(Self.march, reports: try fixture.reports(Self.march), register: try fixture.register(), findings: Self.awkward))
        #expect(try store.contentDigest() == digest)

        let fewer = [Self.finding(Self.march, "O09", 4, score: 2)]
        try store.replace(StoreFixture.load(Self.march, reports: try fixture.reports(Self.march), register: try fixture.register(), findings: fewer))
        #expect(try store.findings(of: Self.march) == fewer)
        #expect(try store.findings(of: Self.february) == february)
        try store.replace(StoreFixture.load(Self.march, reports: try fixture.reports(Self.march), register: try fixture.register()))
        #expect(try store.findings(of: Self.march).isEmpty)
        #expect(try store.findingCounts(regionPrefix: "").map(\.count) == [1, 0])
    }

    @Test("a reader that decoded a period reads a reload written meanwhile by another store, not what it decoded")
    func readerFollowsReloads() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let writer = try Self.store(fixture, [(Self.march, Self.awkward)])
        let reader = try Store(path: fixture.storePath, access: .reading)
        #expect(try reader.findings(of: Self.march, creditCode: Self.codes[1]).map(\.ruleID) == ["O01"])
        let fewer = [Self.finding(Self.march, "O09", 1, score: 2), Self.finding(Self.march, "O02", 4, score: 3)]
        try writer.replace(StoreFixture.load(Self.march, reports: try fixture.reports(Self.march), register: try fixture.register(), findings: fewer))
        #expect(try reader.findings(of: Self.march, creditCode: Self.codes[1]).map(\.ruleID) == ["O09"])
        #expect(try reader.findings(of: Self.march) == fewer)
        #expect(try reader.findingCounts(regionPrefix: "510403").map(\.count) == [1])
    }

    @Test("a load holding a finding of another period is refused, the store left as it was")
    func otherPeriodRefused() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try Self.store(fixture, [(Self.march, Self.awkward)])
        let digest = try store.contentDigest()
        let load = StoreFixture.load(
            Self.march, reports: try fixture.reports(Self.march), register: try fixture.register(),
            findings: [Self.finding(Self.april, "O01", 0, score: 1)])
        #expect(throws: StoreError.self) { try store.replace(load) }
        #expect(try store.contentDigest() == digest)
    }

    @Test("one enterprise's findings: highest score first, the run's order among equal scores; across periods oldest first")
    func byEnterprise() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let march = [
            Self.finding(Self.march, "O01", 0, score: 2), Self.finding(Self.march, "O05", 1, score: 9),
            Self.finding(Self.march, "O03", 0, score: 5), Self.finding(Self.march, "U01", 0, score: 2),
        ]
        let february = [Self.finding(Self.february, "O04", 0, score: 1), Self.finding(Self.february, "G01", nil, score: 8)]
        let store = try Self.store(fixture, [(Self.march, march), (Self.february, february)])
        #expect(try store.findings(of: Self.march, creditCode: Self.codes[0]).map(\.ruleID) == ["O03", "O01", "U01"])
        #expect(try store.findings(of: Self.march, creditCode: Self.codes[1]).map(\.ruleID) == ["O05"])
        #expect(try store.findings(of: Self.march, creditCode: Self.codes[3]).isEmpty)
        #expect(try store.findings(of: Self.april, creditCode: Self.codes[0]).isEmpty)
        let series = try store.series(of: Self.codes[0]).findings
        #expect(series.map(\.ruleID) == ["O04", "O03", "O01", "U01"])
        #expect(series.map(\.period) == [Self.february, Self.march, Self.march, Self.march])
        #expect(try store.regionOfFindings(Self.codes[1]) == AreaFixture.enterprises[1].region)
        #expect(try store.regionOfFindings(Self.codes[4]) == nil)
    }

    @Test("findings per loaded period counted by region prefix, a period without findings counting none")
    func byRegion() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try Self.store(fixture, [(Self.march, Self.awkward), (Self.april, [])])
        // Regions of the march findings: 510402001001, 510411, 510402001002, 510402001001.
        for (prefix, counts) in [("", [4, 0]), ("5104", [4, 0]), ("51040200100", [3, 0]), ("510411", [1, 0]), ("510403", [0, 0])] {
            #expect(try store.findingCounts(regionPrefix: prefix).map(\.count) == counts, "\(prefix)")
        }
        #expect(try store.findingCounts(regionPrefix: "").map(\.period) == [Self.march, Self.april])
    }
}
