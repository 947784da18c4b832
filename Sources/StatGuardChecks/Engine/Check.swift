import StatGuardCore

/// A check of the catalog: its entry (``RuleEntry``: stable rule id, category,
/// default severity, thresholds, what it means and its message templates), the
/// inputs it needs, and its evaluation.
///
/// A check flags and explains; it never changes a reported value.
public protocol Check: Sendable {
    /// The catalog entry: id, titles, category, default severity, thresholds with defaults, messages.
    static var entry: RuleEntry { get }
    /// Optional inputs without which the check cannot run (reports and register are always there).
    static var needs: Set<FileKind> { get }
    /// What it reads from earlier periods; reading anything else fails in a debug build. A check judging
    /// on baselines includes their history (``EnterpriseBaseline/Ratio/history``).
    static var history: HistoryNeeds { get }
    /// The enterprises' own baselines it judges on (``CheckContext/baseline(_:)``), computed once per period.
    static var baselines: [EnterpriseBaseline.Ratio] { get }
    init()
    /// Evaluates the period, adding findings and counts to `result`.
    func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult)
}

extension Check {
    public static var needs: Set<FileKind> { [] }
    public static var history: HistoryNeeds { .none }
    public static var baselines: [EnterpriseBaseline.Ratio] { [] }
}
