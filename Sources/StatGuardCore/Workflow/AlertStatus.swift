/// The status of one key occurrence: a key that fired in a period, as the load that
/// carried earlier decisions over left it (or as a statistician set it since).
public struct AlertStatus: Sendable, Equatable {
    public var key: AlertKey
    public var period: Period
    public var status: TriageStatus
    /// Why it has its status: the decision's reason, or why it was reopened.
    public var reason: String
    /// The period since which the key has had this status.
    public var since: Period
    /// The earlier period whose decision still holds (已说明（沿用2024-10）), nil when none does.
    public var carriedFrom: Period?
    /// The first period of the key's current run of consecutive reporting periods.
    public var firstSeen: Period
    /// How many periods that run has lasted, this one included.
    public var occurrences: Int
    /// Whether the key fires again after it was confirmed or corrected (回头看).
    public var isRepeat: Bool
    /// The figure the key's findings observed this period (what a decision is taken on), nil when not a number.
    public var observed: Double?
    /// The highest score of the key's findings this period.
    public var score: Double

    public init(
        key: AlertKey, period: Period, status: TriageStatus = .open, reason: String = "", since: Period, carriedFrom: Period? = nil,
        firstSeen: Period, occurrences: Int = 1, isRepeat: Bool = false, observed: Double?, score: Double
    ) {
        self.key = key
        self.period = period
        self.status = status
        self.reason = reason
        self.since = since
        self.carriedFrom = carriedFrom
        self.firstSeen = firstSeen
        self.occurrences = occurrences
        self.isRepeat = isRepeat
        self.observed = observed
        self.score = score
    }

    /// A key that has no recorded status yet: open since this period, first seen now.
    public static func new(_ key: AlertKey, period: Period, observed: Double?, score: Double) -> AlertStatus {
        AlertStatus(key: key, period: period, since: period, firstSeen: period, observed: observed, score: score)
    }

    /// The status as reports write it: `已说明（沿用2024-10）`, `待核实（回头看）`, `误报`.
    public var label: String {
        var label = status.zh
        if let carriedFrom { label += "（沿用\(carriedFrom)）" } else if isRepeat { label += "（回头看）" }
        return label
    }
}

/// The statuses of a period's key occurrences, by key.
public typealias AlertStatuses = [AlertKey: AlertStatus]
