import Foundation
import StatGuardCore
import StatGuardStore

/// The cases of a loaded period as they stand now: its findings grouped by enterprise or
/// region, each key with its current status (the load's, or a decision taken since), and
/// the enterprises' 填报说明. What `statguard cases` lists and the web workbench will show.
public struct CaseQuery: Sendable {
    /// Which lines to keep; nil keeps all.
    public struct Filter: Sendable {
        public var status: TriageStatus?
        /// A region code prefix: a town (9 digits), a county (6) or a village (12).
        public var region: String?
        /// Text to find in the 填报说明, the name, the code, the key or the status reason.
        public var search: String?

        public init(status: TriageStatus? = nil, region: String? = nil, search: String? = nil) {
            self.status = status
            self.region = region
            self.search = search
        }
    }

    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The period's cases, ranked, with only the lines `filter` keeps (cases left empty are dropped);
    /// nil when the period is not loaded.
    public func cases(of period: Period, filter: Filter = Filter()) throws(StoreError) -> [AlertCase]? {
        guard try store.loadRecord(of: period) != nil else { return nil }
        let findings = try store.findings(of: period)
        var statuses: AlertStatuses = [:]
        if let stored = try store.alertStatuses(of: period) {
            for status in StatusLedger.current(stored.statuses, watermark: stored.watermark, log: try store.auditLog()) {
                statuses[status.key] = status
            }
        }
        let notes = try store.table(.reports, period: period, fields: [ReportField.explanation.spec.name]).map(Explanations.of) ?? [:]
        return AlertCase.cases(findings, statuses: statuses, explanations: notes).compactMap { keep($0, filter) }
    }

    /// The case with only the lines the filter keeps, or nil when none is left.
    func keep(_ alertCase: AlertCase, _ filter: Filter) -> AlertCase? {
        if let region = filter.region, !alertCase.regionCode.hasPrefix(region) { return nil }
        var kept = alertCase
        kept.lines = alertCase.lines.filter { line in
            if let status = filter.status, line.status.status != status { return false }
            if let text = filter.search, !text.isEmpty {
                let haystack = [alertCase.explanation, alertCase.name, alertCase.id.subject, line.key.description, line.status.reason]
                return haystack.contains { $0.localizedCaseInsensitiveContains(text) }
            }
            return true
        }
        return kept.lines.isEmpty ? nil : kept
    }
}
