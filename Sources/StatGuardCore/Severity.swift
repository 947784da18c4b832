/// How urgent a finding is (data contract 3.1).
public enum Severity: String, CaseIterable, Comparable, Sendable {
    /// Must be corrected before the data counts.
    case error
    /// Must be verified with the enterprise.
    case warning
    /// Worth knowing; no action required.
    case info

    private var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .info: return 0
        }
    }

    /// `error` > `warning` > `info`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What kind of problem a finding is (data contract 3.1).
public enum FindingCategory: String, CaseIterable, Sendable {
    /// The row is unusable and is quarantined.
    case structure
    /// Figures contradict each other or last month's.
    case consistency
    /// Suspected omission or under-reporting (漏统, 少报, 应统未统).
    case under
    /// Suspected inflation or falsification (虚报, 多报, 造假).
    case over
    /// Figures off by a factor such as 10 or 1000 (元/千元/万元 mix-up).
    case unit
}
