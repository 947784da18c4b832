import StatGuardChecks
import StatGuardCore
import StatGuardIngest
import StatGuardStore
import StatGuardTestSupport
import Testing

/// What a load stores comes back unchanged: findings, quarantined rows, the
/// load record, and an enterprise's series for `statguard history`.
@Suite("Store round trips")
struct StoreRoundTripTests {
    static let first = AreaFixture.enterprises[0]

    /// A finding about `enterprise` (or about a region when nil).
    static func finding(_ period: Period, _ rule: String, score: Double, enterprise: AreaEnterprise?) -> Finding {
        Finding(
            period: period, scope: enterprise == nil ? .region : .enterprise,
            creditCode: enterprise.flatMap { try? CreditCode.parse($0.code).get() },
            name: enterprise?.name ?? "510402001", regionCode: enterprise?.region ?? "510402001", industryCode: enterprise?.industry ?? "",
            ruleID: RuleID(rule), variant: "member", category: rule.hasPrefix("O") ? .over : .under, severity: .warning, score: score,
            indicator: "gross_output", slots: slots)
    }

    /// Slot values that test the store's encoding: quotes, a line break, control bytes, extremes, order.
    static let slots: FindingSlots = [
        "name": .text("总产值\"偏高\"，\n请核实。\u{1}\\"), "output": .number(1_234.5), "tiny": .number(5e-324),
        "huge": .number(-1.7976931348623157e308), "zero": .number(-0.0), "third": .number(1.0 / 3), "class": .text("2521"),
    ]

    /// Reports of `period` with two unusable rows: a failing credit code (S02) and a negative output (S06).
    static func reportsWithBadRows(_ fixture: StoreFixture, _ period: Period) throws -> FileReadResult {
        var bad = AreaFixture.reportFields(AreaFixture.enterprises[1].renumbered(8), period: period)
        bad["gross_output"] = "-5"
        var failing = AreaFixture.reportFields(AreaFixture.enterprises[2], period: period)
        failing["credit_code"] = TestCodes.realFailing
        return try fixture.reports(period, extraRows: [failing, bad])
    }

    @Test("findings come back as the run produced them, in order")
    func findingsRoundTrip() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let march = periodOf("2024-03")
        let reports = try Self.reportsWithBadRows(fixture, march)
        let findings = QuarantineFindings.make(reports.quarantined, period: march) + [
            Self.finding(march, "O01", score: 12.5, enterprise: Self.first),
            Self.finding(march, "G03", score: 0.1 + 0.2, enterprise: nil),
        ]
        #expect(findings.count == 4)
        try store.replace(StoreFixture.load(march, reports: reports, register: try fixture.register(), findings: findings))
        #expect(try store.findings(of: march) == findings)
        #expect(try store.findings(of: periodOf("2024-02")).isEmpty)
    }

    @Test("quarantined rows come back verbatim, with file, line, rule and reason")
    func quarantineRoundTrip() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let march = periodOf("2024-03")
        let reports = try Self.reportsWithBadRows(fixture, march)
        #expect(reports.quarantined.map(\.rule) == [.S02, .S06])
        #expect(reports.quarantined.map(\.line) == [7, 8])
        try store.replace(StoreFixture.load(march, reports: reports, register: try fixture.register()))
        let stored = try store.quarantine(of: march)
        #expect(stored == reports.quarantined)
        #expect(stored.first?.cells.first == TestCodes.realFailing)
        #expect(try store.table(.reports, period: march)?.count == AreaFixture.enterprises.count)
    }

    @Test("the load record comes back whole, and an update replaces it")
    func loadRecordRoundTrip() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let march = periodOf("2024-03")
        var load = StoreFixture.load(march, reports: try Self.reportsWithBadRows(fixture, march), register: try fixture.register())
        load.record.skippedInputs = [.init(kind: "admin", reason: "admin_202403.csv not found")]
        load.record.checks = [
            .init(ruleID: "O01", evaluated: 4, failed: 1, notEvaluated: ["no electricity": 1], skipped: nil, notes: ["peer ratio 31.2"]),
            .init(ruleID: "U02", evaluated: 0, failed: 0, notEvaluated: [:], skipped: "needs the admin file", notes: []),
        ]
        load.record.findingCounts = ["O01": 1, "S02": 1]
        try store.replace(load)
        #expect(try store.loadRecord(of: march) == load.record)
        #expect(try store.loadRecord(of: periodOf("2024-04")) == nil)

        // The record a load completes inside its transaction (its timings) is the one stored, once.
        var updated = load.record
        updated.stages = [.init(stage: "ingest", seconds: 0.25), .init(stage: "reports", seconds: 0.5)]
        try store.replace(load) { record, seconds in
            var complete = updated
            complete.stages.append(.init(stage: "store", seconds: seconds))
            #expect(record == load.record && seconds >= 0)
            return complete
        }
        #expect(try store.loadRecord(of: march)?.stages.map(\.stage) == ["ingest", "reports", "store"])
        // A record that cannot be completed rolls the load back.
        struct Refused: Error {}
        let before = try store.contentDigest()
        load.findings = []
        #expect(throws: StoreError.self) { try store.replace(load) { _, _ in throw Refused() } }
        #expect(try store.contentDigest() == before)
        #expect(updated.files.first { $0.kind == "reports" }.map { $0.rowsRead == $0.rowsLoaded + $0.rowsQuarantined } == true)
    }

    @Test("an enterprise's series: its reports, admin data and findings, oldest period first")
    func series() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let register = try fixture.register()
        let february = periodOf("2024-02"), march = periodOf("2024-03")
        try store.replace(StoreFixture.load(
            february, reports: try fixture.reports(february), register: register,
            findings: [Self.finding(february, "O04", score: 3, enterprise: Self.first)]))
        try store.replace(StoreFixture.load(
            march, reports: try fixture.reports(march, scale: 2), register: register, admin: try fixture.admin(march),
            findings: [
                Self.finding(march, "U03", score: 1, enterprise: Self.first),
                Self.finding(march, "O01", score: 9, enterprise: Self.first),
                Self.finding(march, "O01", score: 50, enterprise: AreaFixture.enterprises[1]),
            ]))
        let code = try CreditCode.parse(Self.first.code).get()
        let series = try store.series(of: code)
        #expect(series.reports.map(\.period) == [february, march])
        #expect(series.reports.map(\.name) == [Self.first.name, Self.first.name])
        #expect(series.reports.first?.regionCode == Self.first.region)
        #expect(series.reports.first?.industryCode == Self.first.industry)
        let output = series.reports.map { row in row.figures.first { $0.field == "gross_output" }?.value }
        #expect(output == [24_000, 24_000])  // 1-2月: two months of 12,000; March: one month at scale 2
        let ytd = series.reports.map { row in row.figures.first { $0.field == "gross_output_ytd" }?.value }
        #expect(ytd == [24_000, 72_000])
        #expect(series.admin.map(\.period) == [march])
        #expect(series.admin.first?.gridElectricity == Double(Self.first.output / 40))
        #expect(series.admin.first?.invoicedSales == Double(Self.first.output))
        #expect(series.findings.map(\.period.description) == ["2024-02", "2024-03", "2024-03"])
        #expect(series.findings.map(\.ruleID) == ["O04", "O01", "U03"])
        #expect(series.findings.map(\.score) == [3, 9, 1])
        #expect(series.findings.first?.slots == Self.slots)
        #expect(series.findings.first?.variant == "member")
    }

    @Test("an enterprise the store never saw has an empty series")
    func unknownEnterprise() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: try fixture.reports(periodOf("2024-03")), register: try fixture.register()))
        let series = try store.series(of: try CreditCode.parse(TestCodes.valid(99)).get())
        #expect(series.reports.isEmpty && series.admin.isEmpty && series.findings.isEmpty)
    }
}
