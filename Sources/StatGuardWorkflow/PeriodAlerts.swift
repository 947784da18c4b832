import StatGuardCore

/// What a period's reports show about its alert keys, as the period's load left them:
/// the keys' statuses, the cases, the keys its reloads found corrected, and the triage
/// figures. The run makes it from what its transaction wrote, `statguard report` from the
/// store, and both give the same.
public struct PeriodAlerts: Sendable {
    public var statuses: AlertStatuses
    /// The period's findings grouped into cases, ranked, with the enterprises' 填报说明.
    public var cases: [AlertCase]
    /// The entries of keys that stopped firing on a reload of the period and became corrected (the last about each key).
    public var corrected: [AuditEntry]
    public var triage: TriageFigures

    /// The period's key occurrences as its load wrote them, by key (the first of a key kept).
    public static func statuses(_ occurrences: [AlertStatus]) -> AlertStatuses {
        Dictionary(occurrences.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// - Parameters:
    ///   - statuses: the period's key occurrences as its load wrote them, by key (``statuses(_:)``).
    ///   - history: the alert history with the audit log as it stood once the load had written its own entries.
    ///   - lastPeriod: the reporting period before.
    public static func make(
        period: Period, findings: [Finding], statuses byKey: AlertStatuses, history: AlertHistory, explanations: [CreditCode: String],
        lastPeriod: Period?
    ) -> PeriodAlerts {
        let cases = AlertCase.cases(findings, statuses: byKey, explanations: explanations)
        let latest = Dictionary(history.entries.filter { $0.period == period }.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        let corrected = latest.values.filter { $0.isAutomatic && $0.to == .corrected && byKey[$0.key] == nil }.sorted { $0.key < $1.key }
        return PeriodAlerts(
            statuses: byKey, cases: cases, corrected: corrected,
            triage: TriageFigures.make(cases: cases, history: history, lastPeriod: lastPeriod))
    }

    /// Error-level findings about loaded rows (structure ones count nowhere) whose keys are not settled, by rule.
    public func unresolvedErrors(_ findings: [Finding]) -> [(rule: String, count: Int)] {
        findings.filter { $0.severity == .error && $0.category != .structure }
            .filter { statuses[AlertKey($0)]?.status.isUnresolved ?? true }
            .reduce(into: [String: Int]()) { $0[$1.ruleID.rawValue, default: 0] += 1 }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension AlertHistory {
    /// The history with a load's own entries appended as the store will number them.
    public func appending(_ new: [AuditEntry]) -> AlertHistory {
        var history = self
        var next = (entries.map(\.id).max() ?? 0) + 1
        for var entry in new {
            entry.id = next
            next += 1
            history.entries.append(entry)
        }
        return history
    }
}
