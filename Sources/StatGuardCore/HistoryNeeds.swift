/// What a stage reads from earlier periods: report fields by lag (1, 2, 3 reporting
/// periods back; 12 for the same period last year), admin fields over the twelve
/// months before the period, and the revision log of the period's own figures. Checks, summaries and rules each declare theirs; the job
/// asks the store for the union, so nothing is read that no one uses and nothing
/// used is left unread.
public struct HistoryNeeds: Sendable, Equatable {
    /// Contract report field names by lag.
    public private(set) var reports: [Int: Set<String>] = [:]
    /// Admin field names, over the twelve months before the period.
    public private(set) var admin: Set<String> = []
    /// Whether the revision log of the period's own figures is read (repeated resubmissions).
    public private(set) var revisions = false
    /// Whether every field at every lag is provided (what a history built without declared needs holds).
    public private(set) var isEverything = false

    public init() {}

    /// Nothing from earlier periods.
    public static let none = HistoryNeeds()

    /// Every field at every lag: the history of tests and of tools that read whole periods.
    public static var everything: HistoryNeeds {
        var needs = HistoryNeeds()
        needs.isEverything = true
        return needs
    }

    /// `fields` at each of `lags`.
    public static func reports(_ fields: [String], lags: [Int]) -> HistoryNeeds {
        var needs = HistoryNeeds()
        for lag in lags { needs.reports[lag, default: []].formUnion(fields) }
        return needs
    }

    /// Admin `fields` of the twelve months before the period.
    public static func admin(_ fields: [String]) -> HistoryNeeds {
        var needs = HistoryNeeds()
        needs.admin = Set(fields)
        return needs
    }

    /// The revision log of the period's figures.
    public static var revisionLog: HistoryNeeds {
        var needs = HistoryNeeds()
        needs.revisions = true
        return needs
    }

    /// Both needs together.
    public func union(_ other: HistoryNeeds) -> HistoryNeeds {
        var needs = self
        for (lag, fields) in other.reports { needs.reports[lag, default: []].formUnion(fields) }
        needs.admin.formUnion(other.admin)
        needs.revisions = revisions || other.revisions
        needs.isEverything = isEverything || other.isEverything
        return needs
    }

    /// Whether report `field` at `lag` is provided.
    public func provides(_ field: String, lag: Int) -> Bool {
        isEverything || reports[lag]?.contains(field) == true
    }

    /// Whether admin `field` is provided.
    public func providesAdmin(_ field: String) -> Bool {
        isEverything || admin.contains(field)
    }
}
