/// One line of the append-only audit log: a change of a key's status, by a person
/// (`statguard triage`) or by a load (reopened, repeat, corrected). Never updated or deleted.
public struct AuditEntry: Sendable, Equatable {
    /// The log's sequence number (0 before the store has written it).
    public var id: Int64
    public var key: AlertKey
    /// The occurrence the change is about: the key's latest period when it was made.
    public var period: Period
    /// When, as ISO 8601 in UTC.
    public var at: String
    /// Who: the statistician's name, or `statguard` for a load's own changes.
    public var by: String
    public var from: TriageStatus
    public var to: TriageStatus
    public var reason: String
    /// For `explained` and `false_alarm`: the last period the decision holds.
    public var validUntil: Period?
    /// For `confirmed`: the verified value (核实数).
    public var verifiedValue: Double?
    /// The figure the decision was taken on (the occurrence's observed value).
    public var decidedValue: Double?
    /// Whether a load made the change rather than a person.
    public var isAutomatic: Bool

    /// Who a load's own changes are by.
    public static let loadAuthor = "statguard"

    public init(
        id: Int64 = 0, key: AlertKey, period: Period, at: String, by: String, from: TriageStatus, to: TriageStatus, reason: String,
        validUntil: Period? = nil, verifiedValue: Double? = nil, decidedValue: Double?, isAutomatic: Bool
    ) {
        self.id = id
        self.key = key
        self.period = period
        self.at = at
        self.by = by
        self.from = from
        self.to = to
        self.reason = reason
        self.validUntil = validUntil
        self.verifiedValue = verifiedValue
        self.decidedValue = decidedValue
        self.isAutomatic = isAutomatic
    }

    /// 误差率 = (reported − verified) / verified, when both are known and the verified value is not zero.
    public var errorRate: Double? {
        guard let reported = decidedValue, let verified = verifiedValue, verified != 0, reported.isFinite, verified.isFinite else { return nil }
        return (reported - verified) / verified
    }

    /// Orders entries the way statuses follow from them: by the period they are about, then by when they were logged.
    public static func precedes(_ a: AuditEntry, _ b: AuditEntry) -> Bool {
        a.period != b.period ? a.period < b.period : a.id < b.id
    }
}
