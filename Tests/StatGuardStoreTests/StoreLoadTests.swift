import Foundation
import StatGuardCore
import StatGuardIngest
import StatGuardStore
import StatGuardTestSupport
import Testing

/// Loads replace a period whole, in one transaction, and the content digest
/// depends on the data only.
@Suite("Store loads")
struct StoreLoadTests {
    @Test("loading the same period twice leaves the same content digest")
    func reloadIdempotent() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let register = try fixture.register()
        let february = try fixture.reports(periodOf("2024-02"))
        let march = try fixture.reports(periodOf("2024-03"))
        let firstID = try store.replace(StoreFixture.load(periodOf("2024-02"), reports: february, register: register))
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: march, register: register))
        let digest = try store.contentDigest()
        #expect(digest.count == 16)

        // The same files again, at another time: a new load, the same content.
        let againID = try store.replace(StoreFixture.load(periodOf("2024-03"), reports: march, register: register, startedAt: "2024-05-01T00:00:00Z"))
        #expect(againID > firstID)
        #expect(try store.contentDigest() == digest)
        #expect(try store.loadRecord(of: periodOf("2024-03"))?.startedAt == "2024-05-01T00:00:00Z")

        // The earlier period again too.
        try store.replace(StoreFixture.load(periodOf("2024-02"), reports: february, register: register))
        #expect(try store.contentDigest() == digest)
        #expect(try store.loadedPeriods() == [periodOf("2024-02"), periodOf("2024-03")])
    }

    @Test("changing one figure changes the digest; restoring it restores the digest")
    func digestFollowsFigures() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let register = try fixture.register()
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: try fixture.reports(periodOf("2024-03")), register: register))
        let digest = try store.contentDigest()
        let changed = try fixture.reports(periodOf("2024-03"), overrides: [3: ["electricity": "201"]])
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: changed, register: register))
        let changedDigest = try store.contentDigest()
        #expect(changedDigest != digest)
        #expect(try store.table(.reports, period: periodOf("2024-03"))?[ReportField.electricity][2] == 201)
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: try fixture.reports(periodOf("2024-03")), register: register))
        #expect(try store.contentDigest() == digest)
    }

    @Test("two stores loaded with the same files have the same digest")
    func digestAcrossStores() throws {
        var digests: [String] = []
        for _ in 0..<2 {
            let fixture = try StoreFixture()
            let store = try fixture.open()
            try store.replace(StoreFixture.load(periodOf("2024-03"), reports: try fixture.reports(periodOf("2024-03")), register: try fixture.register()))
            digests.append(try store.contentDigest())
            withExtendedLifetime(fixture) {}
        }
        #expect(digests[0] == digests[1])
    }

    @Test("a stored table reads back as it was loaded, blanks and pass-through columns included")
    func tableRoundTrip() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        var text = AreaFixture.reportsText(period: periodOf("2024-03"), overrides: [4: ["energy": "", "gross_output_ly": "", "park": ""]])
        // An extra column the contract does not know travels along.
        text = text.split(separator: "\n").enumerated().map { index, line in line + (index == 0 ? ",备注" : ",note \(index)") }.joined(separator: "\n") + "\n"
        let reports = try fixture.read(.reports, text, period: periodOf("2024-03"), name: "reports_202403.csv")
        #expect(reports.table.passThrough.map(\.header) == ["备注"])
        #expect(reports.table[ReportField.energy][3].isNaN)
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: reports, register: try fixture.register()))
        expectSameRows(try store.table(.reports, period: periodOf("2024-03")), reports.table)
        #expect(try store.table(.reports, period: periodOf("2024-04")) == nil)
        #expect(try store.table(.admin, period: periodOf("2024-03")) == nil)
    }

    @Test("a load that fails part-way is rolled back: the period keeps what it held")
    func failedLoadRollsBack() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let register = try fixture.register()
        let march = try fixture.reports(periodOf("2024-03"))
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: march, register: register))
        let digest = try store.contentDigest()
        let record = try store.loadRecord(of: periodOf("2024-03"))

        // Two pass-through columns with the same header collide on the column key
        // after the period's old rows were deleted and its first tables written.
        let t = try fixture.reports(periodOf("2024-03"), scale: 2).table
        let note = TextColumn(Array(repeating: "x", count: t.count))
        var numbers: [Int: [Double]] = [:]
        var texts: [Int: TextColumn] = [:]
        var periods: [Int: [Period?]] = [:]
        for (index, spec) in FileKind.reports.fields.enumerated() {
            switch spec.type {
            case .decimal, .count: numbers[index] = t.numbers[index]
            case .text: texts[index] = t.texts[index]
            case .period: periods[index] = t.periods[index]
            default: break
            }
        }
        let broken = ColumnTable(
            kind: .reports, count: t.count, lines: t.lines, creditCodes: t.creditCodes, regionCodes: t.regionCodes,
            industryCodes: t.industryCodes, numbers: numbers, texts: texts, periods: periods,
            passThrough: [("备注", note), ("备注", note)])
        var load = StoreFixture.load(periodOf("2024-03"), reports: march, register: register)
        load.tables[.reports] = broken
        do {
            try store.replace(load)
            Issue.record("a load with a duplicate column was stored")
        } catch {
            guard case .writeFailed = error.reason else {
                Issue.record("expected writeFailed, got \(error)")
                return
            }
            #expect(error.description.contains("rolled back"))
        }
        #expect(try store.contentDigest() == digest)
        #expect(try store.loadRecord(of: periodOf("2024-03")) == record)
        expectSameRows(try store.table(.reports, period: periodOf("2024-03")), march.table)
    }
}
