import StatGuardCore

/// The case queue's filters (town, category, rule, severity, status) within a user's region.
/// A case stays when any of its keys passes them all; only the passing keys are shown.
struct CaseFilter: Sendable {
    /// Which statuses a filter keeps.
    enum StatusChoice: Sendable, Equatable {
        /// Every status.
        case all
        /// open and in_review: what still waits for a decision (the queue's default).
        case queue
        case only(TriageStatus)
    }

    var region: RegionFilter
    /// A town or other region code prefix inside the user's region.
    var town: String?
    var category: FindingCategory?
    var rule: String?
    var severity: Severity?
    var status: StatusChoice = .all

    /// What tells two filters apart, to keep their results.
    var key: String {
        let statusKey: String
        switch status {
        case .all: statusKey = "all"
        case .queue: statusKey = "queue"
        case .only(let wanted): statusKey = wanted.rawValue
        }
        return [region.prefix, town ?? "", category?.rawValue ?? "", rule ?? "", severity?.rawValue ?? "", statusKey].joined(separator: "|")
    }

    /// The cases with only the keys that pass, in their ranked order.
    func apply(_ cases: [AlertCase]) -> [AlertCase] {
        cases.compactMap { alertCase in
            guard region.contains(alertCase.regionCode) else { return nil }
            if let town, !town.isEmpty, !alertCase.regionCode.hasPrefix(town) { return nil }
            var kept = alertCase
            kept.lines = alertCase.lines.filter(keeps)
            return kept.lines.isEmpty ? nil : kept
        }
    }

    private func keeps(_ line: AlertCase.Line) -> Bool {
        if let category, line.finding.category != category { return false }
        if let rule, !rule.isEmpty, line.finding.ruleID.rawValue != rule { return false }
        if let severity, line.finding.severity != severity { return false }
        switch status {
        case .all: return true
        case .queue: return line.status.status.isInQueue
        case .only(let wanted): return line.status.status == wanted
        }
    }
}
