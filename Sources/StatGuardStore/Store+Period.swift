import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// The record of the load that holds `period`, or nil when it was never loaded.
    public func loadRecord(of period: Period) throws(StoreError) -> LoadRecord? {
        try read { db in
            guard let json = try String.fetchOne(db, sql: """
                SELECT load.record_json FROM period_load JOIN load ON load.id = period_load.load_id WHERE period_load.period = ?
                """, arguments: [period.description])
            else { return nil }
            return try JSONDecoder().decode(LoadRecord.self, from: Data(json.utf8))
        }
    }

    /// The names of region codes `period` was loaded with (empty when it had no regions.csv,
    /// or in a store not yet migrated by a load: readers do not migrate).
    public func regionNames(of period: Period) throws(StoreError) -> RegionNames {
        try read { db in
            guard try db.tableExists("region_name") else { return RegionNames() }
            let rows = try Row.fetchAll(db, sql: "SELECT code, name FROM region_name WHERE period = ?", arguments: [period.description])
            return RegionNames(Dictionary(rows.map { ($0["code"] as String, $0["name"] as String) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// The findings stored for `period`, in the order the run produced them.
    public func findings(of period: Period) throws(StoreError) -> [Finding] {
        try read { db in
            try FindingStorage(db, cache: findingCache).findings(of: period.description).map { $0.finding(period: period) }
        }
    }

    /// One enterprise's findings of `period`, highest score first (in the run's order among equal scores).
    public func findings(of period: Period, creditCode: CreditCode) throws(StoreError) -> [Finding] {
        try read { db in
            Self.byScore(try FindingStorage(db, cache: findingCache).findings(of: period.description, creditCode: creditCode.description))
                .map { $0.finding(period: period) }
        }
    }

    /// `findings` highest score first, keeping their order among equal scores (a NaN score last, as SQL's NULL).
    static func byScore(_ findings: [StoredFinding]) -> [StoredFinding] {
        func key(_ score: Double) -> Double { score.isNaN ? -.infinity : score }
        return findings.enumerated().sorted { a, b in
            let (x, y) = (key(a.element.score), key(b.element.score))
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The quarantined rows stored for `period`, in file order.
    public func quarantine(of period: Period) throws(StoreError) -> [QuarantinedRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM quarantined_row WHERE period = ? ORDER BY rowid", arguments: [period.description]).map { row in
                let cells: String = row["cells_json"]
                return QuarantinedRow(
                    sourceFile: row["source_file"], line: row["line"], rule: StructureRule(rawValue: row["rule_id"]) ?? .S05,
                    reason: row["reason"], cells: (try? JSONDecoder().decode([String].self, from: Data(cells.utf8))) ?? [])
            }
        }
    }
}
