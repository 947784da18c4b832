import Foundation
import StatGuardConfig
import StatGuardCore
import StatGuardJob
import StatGuardReports
import StatGuardStore
import StatGuardSummaries
import StatGuardWorkflow

/// What the pages and the API read from the store, with copies kept until the store changes
/// under them: a period's cases until its next load or the next decision, its summary until
/// its next load. A national period's ~50,000 findings are grouped once, not per request.
///
/// Each request asks the store only whether anything changed (two indexed lookups). Reads
/// never block a running load: the store is in write-ahead-log mode, and a reader sees the
/// last committed period.
final class WorkbenchData: @unchecked Sendable {
    let pipeline: PipelineDefinition
    let store: Store
    let catalog: FindingCatalog
    let history: EnterpriseHistory
    private let lock = NSLock()
    private var cases: [Period: (stamp: ChangeStamp, cases: [AlertCase])] = [:]
    private var filtered: [String: (stamp: ChangeStamp, cases: [AlertCase])] = [:]
    private var townLists: [String: (stamp: ChangeStamp, towns: [String])] = [:]
    private var summaries: [String: (loadID: Int64?, summary: ScopedSummary?)] = [:]
    private var renderers: [Period: (loadID: Int64?, renderer: FindingRenderer)] = [:]
    /// The full reports table of the periods last asked for (at most two: a national one is ~100 MB).
    private var reportTables: [(period: Period, loadID: Int64?, table: ColumnTable, rows: CreditCodeIndex)] = []

    init(pipeline: PipelineDefinition, store: Store) {
        self.pipeline = pipeline
        self.store = store
        catalog = pipeline.findingCatalog
        history = EnterpriseHistory(store: store)
    }

    /// The loaded periods, oldest first.
    func periods() throws(StoreError) -> [Period] { try store.loadedPeriods() }

    /// `requested` when it is loaded, else the latest loaded period (nil when none is).
    func period(_ requested: String?) throws(StoreError) -> Period? {
        let loaded = try periods()
        if let requested, let period = Period(requested), loaded.contains(period) { return period }
        return loaded.last
    }

    /// The renderer of `period`'s findings, with the region names it was loaded with.
    func renderer(_ period: Period) throws(StoreError) -> FindingRenderer {
        let loadID = try store.changeStamp(of: period).loadID
        if let cached = lock.withLock({ renderers[period] }), cached.loadID == loadID { return cached.renderer }
        let renderer = FindingRenderer(catalog: catalog, regions: try store.regionNames(of: period))
        lock.withLock { renderers[period] = (loadID, renderer) }
        return renderer
    }

    /// Every case of `period` as it stands now, ranked; nil when the period is not loaded.
    func allCases(_ period: Period) throws(StoreError) -> [AlertCase]? {
        let stamp = try store.changeStamp(of: period)
        guard stamp.loadID != nil else { return nil }
        if let cached = lock.withLock({ cases[period] }), cached.stamp == stamp { return cached.cases }
        guard let fresh = try CaseQuery(store: store).cases(of: period) else { return nil }
        lock.withLock { cases[period] = (stamp, fresh) }
        return fresh
    }

    /// The cases of `period` that `filter` keeps, kept until the store changes: a queue page is
    /// then one lookup and 50 rows, not a pass over every case of a national period.
    func cases(_ period: Period, _ filter: CaseFilter) throws(StoreError) -> [AlertCase]? {
        let stamp = try store.changeStamp(of: period)
        let key = "\(period)|\(filter.key)"
        if let cached = lock.withLock({ filtered[key] }), cached.stamp == stamp { return cached.cases }
        guard let all = try allCases(period) else { return nil }
        let kept = filter.apply(all)
        lock.withLock {
            if filtered.count >= 256 { filtered.removeAll() }
            filtered[key] = (stamp, kept)
        }
        return kept
    }

    /// The towns with cases in `region`, for the queue's town filter.
    func towns(_ period: Period, region: String) throws(StoreError) -> [String] {
        let stamp = try store.changeStamp(of: period)
        let key = "\(period)|\(region)"
        if let cached = lock.withLock({ townLists[key] }), cached.stamp == stamp { return cached.towns }
        var towns: Set<String> = []
        for alertCase in try cases(period, CaseFilter(region: RegionFilter(prefix: region))) ?? [] { towns.insert(alertCase.town) }
        let sorted = towns.sorted()
        lock.withLock {
            if townLists.count >= 256 { townLists.removeAll() }
            townLists[key] = (stamp, sorted)
        }
        return sorted
    }

    /// The summary of `period` over `region` (a code prefix), nil when the period is not loaded.
    func summary(_ period: Period, region: String) throws(StoreError) -> ScopedSummary? {
        let loadID = try store.changeStamp(of: period).loadID
        let key = "\(period) \(region)"
        if let cached = lock.withLock({ summaries[key] }), cached.loadID == loadID { return cached.summary }
        let fresh = try ScopedSummary.build(pipeline: pipeline, store: store, period: period, region: RegionFilter(prefix: region))
        lock.withLock { summaries[key] = (loadID, fresh) }
        return fresh
    }

    /// One enterprise's report of `period`: name, region, industry, every numeric figure and its 说明; nil when it did not report.
    func report(of code: CreditCode, period: Period) throws(StoreError) -> ReportRow? {
        let loadID = try store.changeStamp(of: period).loadID
        var cached = lock.withLock { reportTables.first { $0.period == period && $0.loadID == loadID } }
        if cached == nil, let table = try store.table(.reports, period: period) {
            let entry = (period: period, loadID: loadID, table: table, rows: table.rowIndex())
            lock.withLock {
                reportTables.removeAll { $0.period == period }
                reportTables.insert(entry, at: 0)
                if reportTables.count > 2 { reportTables.removeLast() }
            }
            cached = entry
        }
        guard let cached, let row = cached.rows[code] else { return nil }
        let table = cached.table
        let figures = ReportField.allCases.compactMap { field -> (String, Double)? in
            switch field.spec.type {
            case .decimal, .count: row < table[field].count && !table[field][row].isNaN ? (field.spec.name, table[field][row]) : nil
            default: nil
            }
        }
        // A store loaded before a column existed holds it empty: read only what is there.
        func text(_ field: ReportField) -> String { row < table[text: field].count ? table[text: field][row] : "" }
        return ReportRow(
            name: text(.name), regionCode: row < table.regionCodes.count ? table.regionCodes[row].description : nil,
            figures: figures, explanation: text(.explanation))
    }

    /// What the enterprise page shows of a report.
    struct ReportRow: Sendable {
        var name: String
        var regionCode: String?
        var figures: [(field: String, value: Double)]
        var explanation: String
    }
}

