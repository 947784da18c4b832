import Foundation
import GRDB
import StatGuardCore
@testable import StatGuardStore
import StatGuardTestSupport
import Testing

/// A store written before v6 holds its findings as rows of the `finding` table: read without
/// migrating, it answers from those rows; migrated, every period's rows move to `finding_column`
/// unchanged (legacy texts included), the table goes, and every query and the digest answer the same.
@Suite("Finding rows moved to columns")
struct FindingMigrationTests {
    static let code = AreaFixture.enterprises.map(\.code)

    /// Rows as stores before v6 held them, in rowid order: periods interleaved, rows stored before v2
    /// (the legacy variant's four texts), a NULL credit code, texts with quotes, line breaks and Chinese.
    static let rows: [(period: String, row: StoredFinding)] = [
        ("2024-03", row(code[0], "O01", score: 5, variant: "history", slots: #"[["ratio",2.5],["note","偏高\"\n"]]"#)),
        ("2024-02", row(code[0], "O04", score: 3, variant: "legacy", slots: "[]", texts: ("12,000", "8,000", "总产值\"偏高\"\n请核实", "Output \"high\""))),
        ("2024-03", row(nil, "G03", score: 0.30000000000000004, variant: "", slots: #"[["share",null]]"#, region: "510402")),
        ("2024-03", row(code[1], "O05", score: 5, variant: "", slots: "[]")),
        ("2024-02", row(code[1], "U02", score: 1e300, variant: "legacy", slots: "[]", texts: ("", "", "", ""))),
        ("2024-03", row(code[0], "U01", score: 9, variant: "", slots: #"[["x",-1.5e-7]]"#)),
    ]

    static func row(
        _ code: String?, _ rule: String, score: Double, variant: String, slots: String, region: String = "510402001001",
        texts: (String, String, String, String) = ("", "", "", "")
    ) -> StoredFinding {
        StoredFinding(
            loadID: 1, scope: code == nil ? "region" : "enterprise", creditCode: code, name: code == nil ? "东区" : "攀枝花\"焦化\"有限公司",
            regionCode: region, industryCode: code == nil ? "" : "2521", ruleID: rule, variant: variant, category: "over",
            severity: "warning", score: score, indicator: "gross_output", slots: slots, observed: texts.0, expected: texts.1,
            messageZh: texts.2, messageEn: texts.3)
    }

    /// A store at v5 (the migrations before v6), its periods loaded, its findings rows of `finding`.
    static func oldStore(_ fixture: StoreFixture) throws -> String {
        try FileManager.default.createDirectory(atPath: fixture.folder.path("store"), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: fixture.storePath)
        try StoreSchema.migrator.migrate(queue, upTo: "v5-users")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO load (id, pipeline, period, tool_version, started_at, record_json) VALUES (1, 'p', '2024-03', 't', 's', '{}')")
            for period in ["2024-02", "2024-03", "2024-04"] {
                try db.execute(sql: "INSERT INTO period_load (period, load_id) VALUES (?, 1)", arguments: [period])
            }
            for (period, f) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO finding (load_id, period, scope, credit_code, name, region_code, industry_code, rule_id, category,
                            severity, score, indicator, observed, expected, message_zh, message_en, variant, slots)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        f.loadID, period, f.scope, f.creditCode, f.name, f.regionCode, f.industryCode, f.ruleID, f.category,
                        f.severity, f.score, f.indicator, f.observed, f.expected, f.messageZh, f.messageEn, f.variant, f.slots,
                    ])
            }
        }
        return fixture.storePath
    }

    /// Everything the store answers about findings, written out.
    static func answers(_ path: String) throws -> [String] {
        let store = try Store(path: path, access: .reading)
        var lines: [String] = []
        for period in ["2024-02", "2024-03", "2024-04"].map(periodOf) {
            lines.append("\(period): \(try store.findings(of: period))")
            for code in code { lines.append("\(period) \(code): \(try store.findings(of: period, creditCode: try CreditCode.parse(code).get()))") }
        }
        for code in code {
            let parsed = try CreditCode.parse(code).get()
            lines.append("series \(code): \(try store.series(of: parsed).findings) region \(String(describing: try store.regionOfFindings(parsed)))")
        }
        for prefix in ["", "510402", "510402001", "9"] { lines.append("\(prefix): \(try store.findingCounts(regionPrefix: prefix))") }
        lines.append(try store.contentDigest())
        return lines
    }

    static func tables(_ path: String) throws -> Set<String> {
        Set(try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
    }

    @Test("read without migrating, an old store answers from its rows: in rowid order per period, legacy texts as slots")
    func readsRows() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let path = try Self.oldStore(fixture)
        let store = try Store(path: path, access: .reading)
        let march = try store.findings(of: periodOf("2024-03"))
        #expect(march.map(\.ruleID) == ["O01", "G03", "O05", "U01"])
        #expect(march.map(\.creditCode?.description) == [Self.code[0], nil, Self.code[1], Self.code[0]])
        #expect(march[0].slots == ["ratio": 2.5, "note": "偏高\"\n"])
        let legacy = try store.findings(of: periodOf("2024-02"))[0]
        #expect(legacy.slots == ["observed": "12,000", "expected": "8,000", "message_zh": "总产值\"偏高\"\n请核实", "message_en": "Output \"high\""])
        #expect(try store.findings(of: periodOf("2024-03"), creditCode: try CreditCode.parse(Self.code[0]).get()).map(\.ruleID) == ["U01", "O01"])
        #expect(try store.findingCounts(regionPrefix: "510402001").map(\.count) == [2, 3, 0])
        #expect(try Self.tables(path).contains("finding") && !(try Self.tables(path)).contains("finding_column"))
    }

    @Test("migrating moves every row unchanged to columns and drops the row table: the same answers and digest")
    func movesRows() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let path = try Self.oldStore(fixture)
        let before = try Self.answers(path)
        _ = try Store(path: path, access: .deciding)
        #expect(try Self.answers(path) == before)
        #expect(try Self.tables(path).contains("finding_column") && !(try Self.tables(path)).contains("finding"))
        let moved = try DatabaseQueue(path: path).read { db in
            let storage = try FindingStorage(db)
            return try storage.periods().map { period in (period, try storage.findings(of: period)) }
        }
        #expect(moved.map(\.0) == ["2024-02", "2024-03"])
        let expected = ["2024-02", "2024-03"].map { period in Self.rows.filter { $0.period == period }.map(\.row) }
        #expect(moved.map { "\($0.1)" } == expected.map { "\($0)" })
    }

    @Test("a load on a migrated old store replaces its period's findings, leaving the others")
    func loadsAfterMoving() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let path = try Self.oldStore(fixture)
        let store = try fixture.open()
        let march = periodOf("2024-03")
        let february = try store.findings(of: periodOf("2024-02"))
        let finding = Finding(
            period: march, scope: .enterprise, creditCode: try CreditCode.parse(Self.code[2]).get(), name: "宝鼎煤业有限公司",
            regionCode: "510402002003", industryCode: "0610", ruleID: "O09", category: .over, severity: .info, score: 1,
            indicator: "gross_output", slots: ["value": 2])
        try store.replace(StoreFixture.load(march, reports: try fixture.reports(march), register: try fixture.register(), findings: [finding]))
        #expect(try Store(path: path, access: .reading).findings(of: march) == [finding])
        #expect(try Store(path: path, access: .reading).findings(of: periodOf("2024-02")) == february)
    }
}
