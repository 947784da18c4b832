import StatGuardCore

/// How a key's status follows from the append-only audit log.
///
/// Entries are about an occurrence (a period) and are ordered by that period, then by
/// when they were logged: the status of a key in period P is the `to` of its last entry
/// about P or an earlier period, or `open` when it has none.
public enum StatusLedger {
    /// The last of `entries` (one key's) about `period` or earlier.
    public static func latest(_ entries: [AuditEntry], upTo period: Period) -> AuditEntry? {
        entries.filter { $0.period <= period }.max(by: AuditEntry.precedes)
    }

    /// The entry a load of `period` carries over from: the latest, leaving out the load
    /// entries about `period` itself (a reload recomputes them; people's decisions stay).
    public static func base(_ entries: [AuditEntry], for period: Period) -> AuditEntry? {
        entries.filter { $0.period < period || ($0.period == period && !$0.isAutomatic) }.max(by: AuditEntry.precedes)
    }

    /// The status of a stored occurrence now: as its load left it, unless an entry the load
    /// had not seen (past its `watermark`) is the latest about its period or before.
    public static func current(_ stored: AlertStatus, watermark: Int64, entries: [AuditEntry]) -> AlertStatus {
        guard let entry = latest(entries, upTo: stored.period), entry.id > watermark else { return stored }
        var status = stored
        status.status = entry.to
        status.reason = entry.reason
        status.since = entry.period
        status.carriedFrom = entry.period < stored.period && entry.to.canExpire ? entry.period : nil
        return status
    }

    /// The current statuses of stored occurrences, given the whole log (or any part holding their keys' entries).
    public static func current(_ stored: [AlertStatus], watermark: Int64, log: [AuditEntry]) -> [AlertStatus] {
        let byKey = Dictionary(grouping: log, by: \.key)
        return stored.map { current($0, watermark: watermark, entries: byKey[$0.key] ?? []) }
    }
}
