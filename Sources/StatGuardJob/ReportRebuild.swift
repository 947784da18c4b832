import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardStore
import StatGuardSummaries

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

    private func read(_ period: Period) throws(StoreError) -> PeriodReports? {
        let store = try Store(path: pipeline.storePath, writing: false)
        guard let record = try store.loadRecord(of: period), let reports = try store.table(.reports, period: period),
                  let register = try store.register(asOf: period)
        else { return nil }
        let priorYear = try store.table(.reports, period: pipeline.calendar.sameTimeLastYear(period))
        let regions = try store.regionNames(of: period)
        let input = PeriodReports.summaryInput(
                pipeline: pipeline, period: period, reports: reports, priorYear: priorYear, register: register,
                products: try store.table(.products, period: period), capacity: try store.table(.capacity, period: period),
                regions: regions)
        return PeriodReports(
                period: period, record: record, findings: try store.findings(of: period), quarantine: try store.quarantine(of: period),
                reportingRate: ReportingRate(register: register, reports: reports, period: period), summary: SummaryBuilder.build(input),
                earlier: try PeriodReports.earlierRecords(store, pipeline: pipeline, period: period), regions: regions)
    }
}
