import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardStore
import StatGuardSummaries
import StatGuardWorkflow

/// `statguard report`: rebuilds a loaded period's reports from the store alone,
/// without reading any input file; the bytes equal what the run wrote.
public struct ReportRebuild: Sendable {
    public var pipeline: PipelineDefinition

    public init(pipeline: PipelineDefinition) {
        self.pipeline = pipeline
    }

    /// Rewrites the period's report folder; returns its path.
    public func run(period: Period) throws(JobError) -> String {
        let bundle: PeriodReports?
        do { bundle = try read(period) } catch { throw .store(error) }
        guard let bundle else { throw .notLoaded(period: period.description, store: pipeline.storePath) }
        return try bundle.write(pipeline: pipeline).path
    }

    /// Everything the period's reports are made from, read from the store (nil when the period is not loaded).
    func read(_ period: Period) throws(StoreError) -> PeriodReports? {
        let store = try Store(path: pipeline.storePath, writing: false)
        guard let record = try store.loadRecord(of: period), let reports = try store.table(.reports, period: period),
                  let register = try store.register(asOf: period)
        else { return nil }
        let priorYear = try store.table(.reports, period: pipeline.calendar.sameTimeLastYear(period))
        let regions = try store.regionNames(of: period)
        let input = pipeline.summaryInput(
                period: period, reports: reports, priorYear: priorYear, register: register,
                products: try store.table(.products, period: period), capacity: try store.table(.capacity, period: period),
                regions: regions)
        let findings = try store.findings(of: period)
        return PeriodReports(
                period: period, record: record, findings: findings, quarantine: try store.quarantine(of: period),
                reportingRate: ReportingRate(register: register, reports: reports, period: period), summary: SummaryBuilder.build(input),
                alerts: try alerts(period, findings: findings, reports: reports, store: store),
                version: PeriodReports.dataVersion(record, revisions: try store.revisions(of: period).filter { $0.at == record.startedAt }),
                earlier: try PeriodReports.earlierRecords(store, pipeline: pipeline, period: period), regions: regions,
                deliveries: try store.deliveries(of: period))
    }

    /// The period's alert keys as its load left them (all open, for a period loaded before the workflow).
    private func alerts(_ period: Period, findings: [Finding], reports: ColumnTable, store: Store) throws(StoreError) -> PeriodAlerts {
        let lastPeriod = pipeline.calendar.lag(period, 1)
        let stored = try store.alertStatuses(of: period)
        let history = try store.alertHistory(for: period, previous: lastPeriod).asOf(stored?.watermark ?? 0)
        return PeriodAlerts.make(
            period: period, findings: findings, statuses: PeriodAlerts.statuses(stored?.statuses ?? []), history: history, explanations: Explanations.of(reports),
            lastPeriod: lastPeriod)
    }
}
