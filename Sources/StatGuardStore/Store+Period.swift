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
            try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE period = ? ORDER BY rowid", arguments: [period.description])
                .map(Self.finding)
        }
    }

    /// One enterprise's findings of `period`, highest score first.
    public func findings(of period: Period, creditCode: CreditCode) throws(StoreError) -> [Finding] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM finding WHERE credit_code = ? AND period = ? ORDER BY score DESC, rowid",
                arguments: [creditCode.description, period.description]
            ).map(Self.finding)
        }
    }

    /// A stored finding row as a finding: its slots, or for a row stored before findings
    /// carried slots, its four texts as the legacy variant's slots.
    static func finding(_ row: Row) -> Finding {
        let code: String? = row["credit_code"]
        let variant: String = row["variant"]
        let slots: FindingSlots = variant == FindingMessage.legacyVariant
            ? ["observed": .text(row["observed"]), "expected": .text(row["expected"]),
               "message_zh": .text(row["message_zh"]), "message_en": .text(row["message_en"])]
            : SlotCoding.decode(row["slots"])
        return Finding(
            period: Period(row["period"] as String) ?? Period(year: 1, month: 1), scope: Finding.Scope(rawValue: row["scope"]) ?? .file,
            creditCode: code.flatMap { try? CreditCode.parse($0, allowCheckFailure: true).get() },
            name: row["name"], regionCode: row["region_code"], industryCode: row["industry_code"],
            ruleID: RuleID(row["rule_id"] as String), variant: variant,
            category: FindingCategory(rawValue: row["category"]) ?? .structure,
            severity: Severity(rawValue: row["severity"]) ?? .error, score: row["score"], indicator: row["indicator"],
            slots: slots)
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
