import StatGuardConfig
import StatGuardCore

extension Digest {
    /// The digest one channel receives: its regions, its least severity, its top N.
    ///
    /// Counts, reporting rows and cases are kept when their region code starts with one of
    /// the channel's `regions` prefixes (all of them when the list is empty); counts and
    /// cases below `min_severity` are dropped; the cases are ranked (``rankedCases``) and
    /// cut to `top`. The counts still tell how many cases there are beyond the top N.
    public func filtered(for channel: ChannelConfig) -> Digest {
        var result = self
        result.counts = counts.filter { channel.routes(regionCode: $0.regionCode) && $0.severity >= channel.minSeverity }
        result.reporting = reporting.filter { channel.routes(regionCode: $0.regionCode) }
        let kept = cases.filter { channel.routes(regionCode: $0.regionCode) && $0.severity >= channel.minSeverity }
        result.cases = Array(Digest.rank(kept).prefix(channel.top))
        return result
    }

    /// The cases most worth a phone call first: score descending, then severity, then
    /// enterprise, credit code and rule id, so that equal scores list the same way every run.
    public var rankedCases: [DigestCase] { Digest.rank(cases) }

    static func rank(_ cases: [DigestCase]) -> [DigestCase] {
        cases.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.severity != b.severity { return a.severity > b.severity }
            if a.enterprise != b.enterprise { return a.enterprise < b.enterprise }
            if (a.creditCode ?? "") != (b.creditCode ?? "") { return (a.creditCode ?? "") < (b.creditCode ?? "") }
            return a.ruleID < b.ruleID
        }
    }

    /// New, reopened and still-open cases summed over regions and severities.
    public var totals: CaseTally {
        counts.reduce(into: CaseTally()) { $0.add($1) }
    }

    /// The counts summed over regions, one tally per category and severity that has cases,
    /// in category order (``FindingCategory/allCases``), then most severe first.
    public var tallies: [(category: FindingCategory, severity: Severity, tally: CaseTally)] {
        var sums: [String: CaseTally] = [:]
        for row in counts { sums["\(row.category.rawValue)/\(row.severity.rawValue)", default: CaseTally()].add(row) }
        var result: [(FindingCategory, Severity, CaseTally)] = []
        for category in FindingCategory.allCases {
            for severity in Severity.allCases.sorted(by: >) {
                if let tally = sums["\(category.rawValue)/\(severity.rawValue)"], !tally.isEmpty {
                    result.append((category, severity, tally))
                }
            }
        }
        return result
    }

    /// Enterprises due and reported over the digest's regions; nil when no row says how many were due.
    public var reportingRate: (reported: Int, due: Int)? {
        let due = reporting.reduce(0) { $0 + $1.due }
        guard due > 0 else { return nil }
        return (reporting.reduce(0) { $0 + $1.reported }, due)
    }
}

/// New, reopened and still-open cases added up.
public struct CaseTally: Sendable, Equatable {
    public var new = 0
    public var reopened = 0
    public var stillOpen = 0

    public init(new: Int = 0, reopened: Int = 0, stillOpen: Int = 0) {
        self.new = new
        self.reopened = reopened
        self.stillOpen = stillOpen
    }

    var isEmpty: Bool { new == 0 && reopened == 0 && stillOpen == 0 }

    mutating func add(_ row: DigestCount) {
        new += row.new
        reopened += row.reopened
        stillOpen += row.stillOpen
    }
}
