import Foundation
import StatGuardCore

extension TriageFigures {
    /// The figures of a period as its load saw them.
    /// - Parameters:
    ///   - cases: the period's cases with their statuses at load.
    ///   - history: the alert history with the audit log as it stood once the load had written its own entries.
    ///   - lastPeriod: the reporting period before.
    public static func make(cases: [AlertCase], history: AlertHistory, lastPeriod: Period?) -> TriageFigures {
        var figures = TriageFigures()
        let lines = cases.flatMap(\.lines)
        figures.keys = lines.count
        figures.carriedKeys = lines.filter { $0.status.carriedFrom != nil }.count
        figures.towns = Dictionary(grouping: cases, by: \.town).map { town, list in
            Town(code: town, cases: list.count, openCases: list.filter(\.isOpen).count)
        }.sorted { $0.code < $1.code }
        if let lastPeriod, !history.lastPeriod.isEmpty {
            figures.lastPeriod = lastPeriod
            let now = StatusLedger.current(history.lastPeriod, watermark: history.lastPeriodWatermark, log: history.entries)
            figures.lastPeriodKeys = now.count
            figures.lastPeriodReviewed = now.filter { $0.status != .open }.count
        }
        figures.medianDaysToFirstDecision = medianDaysToFirstDecision(history)
        figures.precision = precision(history.entries)
        return figures
    }

    /// Median days from the first load of the period a key was decided on to the first
    /// decision a person took on it; nil before any.
    static func medianDaysToFirstDecision(_ history: AlertHistory) -> Double? {
        let parser = ISO8601DateFormatter()
        var first: [AlertKey: AuditEntry] = [:]
        for entry in history.entries where !entry.isAutomatic && first[entry.key] == nil { first[entry.key] = entry }
        let days = first.values.compactMap { entry -> Double? in
            guard let loaded = history.firstLoaded[entry.period].flatMap(parser.date(from:)), let decided = parser.date(from: entry.at)
            else { return nil }
            return max(0, decided.timeIntervalSince(loaded) / 86_400)
        }.sorted()
        guard !days.isEmpty else { return nil }
        let middle = days.count / 2
        return days.count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2
    }

    /// Per rule: the key occurrences whose last entry is a decision, and how many of those say the alert was true.
    static func precision(_ entries: [AuditEntry]) -> [RulePrecision] {
        var last: [String: AuditEntry] = [:]
        for entry in entries { last["\(entry.key)@\(entry.period)"] = entry }
        var byRule: [RuleID: RulePrecision] = [:]
        for entry in last.values where entry.to.isDecision {
            byRule[entry.key.ruleID, default: RulePrecision(ruleID: entry.key.ruleID, decided: 0, trueAlerts: 0)].decided += 1
            if entry.to.isTrueAlert { byRule[entry.key.ruleID]!.trueAlerts += 1 }
        }
        return byRule.values.sorted { $0.ruleID < $1.ruleID }
    }
}
