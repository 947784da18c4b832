import GRDB
import StatGuardCore

/// What has to change for a reader's copy of a period to be stale: its load, or any decision.
public struct ChangeStamp: Hashable, Sendable {
    /// The load whose data holds the period (nil when it is not loaded).
    public var loadID: Int64?
    /// The last audit entry (0 before any).
    public var auditID: Int64
}

extension Store {
    /// The period's current load and the last audit entry: two indexed lookups, cheap enough for every request.
    public func changeStamp(of period: Period) throws(StoreError) -> ChangeStamp {
        try read { db in
            let load = try Int64.fetchOne(db, sql: "SELECT load_id FROM period_load WHERE period = ?", arguments: [period.description])
            let audit = try db.tableExists("audit_log") ? try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_log") ?? 0 : 0
            return ChangeStamp(loadID: load, auditID: audit)
        }
    }

    /// Each loaded period with the load that holds it, oldest first.
    public func periodLoads() throws(StoreError) -> [(period: Period, loadID: Int64)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT period, load_id FROM period_load ORDER BY period").compactMap { row in
                Period(row["period"] as String).map { ($0, row["load_id"] as Int64) }
            }
        }
    }

    /// Findings per loaded period, counting only subjects whose region code starts with `regionPrefix` (byte for byte).
    public func findingCounts(regionPrefix: String) throws(StoreError) -> [(period: Period, count: Int)] {
        try read { db in
            let findings = try FindingStorage(db, cache: findingCache)
            let prefix = Array(regionPrefix.utf8)
            return try String.fetchAll(db, sql: "SELECT period FROM period_load ORDER BY period").compactMap { period in
                guard let value = Period(period) else { return nil }
                let codes = try findings.regionCodes(of: period)
                return (value, (0..<codes.count).count { row in codes.withUTF8(row) { $0.starts(with: prefix) } })
            }
        }
    }
}
