/// What the store holds about alert keys, as a load or a report needs it: the audit
/// log and the occurrences around one period. The carry-over reads it; the store
/// writes the ``AlertUpdate`` it returns in the load's own transaction.
public struct AlertHistory: Sendable {
    /// The whole audit log, oldest first.
    public var entries: [AuditEntry]
    /// The period's occurrences as the load before this one left them (empty on a first load).
    public var previousLoad: [AlertStatus]
    /// The occurrences of the reporting period before (empty when it was not loaded).
    public var lastPeriod: [AlertStatus]
    /// The highest audit entry id the last period's load had seen.
    public var lastPeriodWatermark: Int64
    /// When each period was first loaded (ISO 8601), for the days to a first decision.
    public var firstLoaded: [Period: String]

    public init(
        entries: [AuditEntry] = [], previousLoad: [AlertStatus] = [], lastPeriod: [AlertStatus] = [], lastPeriodWatermark: Int64 = 0,
        firstLoaded: [Period: String] = [:]
    ) {
        self.entries = entries
        self.previousLoad = previousLoad
        self.lastPeriod = lastPeriod
        self.lastPeriodWatermark = lastPeriodWatermark
        self.firstLoaded = firstLoaded
    }

    /// The history as it stood when the entry `watermark` was the last one: what a load saw.
    public func asOf(_ watermark: Int64) -> AlertHistory {
        var history = self
        history.entries = entries.filter { $0.id <= watermark }
        return history
    }
}

/// What a load writes about alert keys with its period: the statuses of this period's
/// key occurrences and the audit entries of the changes it made itself.
public struct AlertUpdate: Sendable {
    public var statuses: [AlertStatus]
    public var entries: [AuditEntry]

    public init(statuses: [AlertStatus] = [], entries: [AuditEntry] = []) {
        self.statuses = statuses
        self.entries = entries
    }
}
