import Foundation
import Logging
import StatGuardConfig
import StatGuardChecks
import StatGuardCore
import StatGuardIngest
import StatGuardNotify
import StatGuardReports
import StatGuardRules
import StatGuardStore
import StatGuardSummaries

/// The monthly load job: for each period, read the inputs (with structural
/// checks), fetch the history, run the checks, replace the period in the store
/// in one transaction, and write the period's reports.
public struct MonthlyJob: Sendable {
    public var pipeline: PipelineDefinition
    public var logger: Logger
    public var progress: ProgressReporter
    /// The tool version recorded with each load.
    public var toolVersion: String
    /// Pushes digests; one per process, so its per-bot rate limits hold across a range.
    public var notifier = Notifier()

    public init(pipeline: PipelineDefinition, logger: Logger, progress: ProgressReporter, toolVersion: String) {
        self.pipeline = pipeline
        self.logger = logger
        self.progress = progress
        self.toolVersion = toolVersion
    }

    /// Loads `periods` in order into the pipeline's store, holding its lock throughout,
    /// and tells `onLoaded` about each period as soon as it is loaded, so a range that
    /// fails later still says which periods it did load.
    public func run(periods: [Period], onLoaded: (PeriodOutcome) -> Void = { _ in }) throws(JobError) -> [PeriodOutcome] {
        let store: Store
        do {
            store = try Store(path: pipeline.storePath, writing: true)
        } catch {
            throw .store(error)
        }
        var outcomes: [PeriodOutcome] = []
        for period in periods {
            let outcome = try run(period: period, store: store)
            outcomes.append(outcome)
            onLoaded(outcome)
        }
        return outcomes
    }

    /// Loads one period: read ‖ history → checks → (store with the carry-over ‖ summaries and reports) → publish.
    private func run(period: Period, store: Store) throws(JobError) -> PeriodOutcome {
        let started = Date()
        logger.info("loading period", metadata: ["period": "\(period)", "pipeline": "\(pipeline.name)"])
        // An unwritable report folder stops the run here, before anything is read or committed.
        let folder = try PeriodReports.prepareFolder(pipeline: pipeline, period: period)
        do throws(JobError) {
            var clock = StageClock()
            let startedAt = ISO8601DateFormatter().string(from: started)
            let (inputs, stored) = try readInputsAndHistory(period, store, &clock)
            let checked = try check(inputs, consume stored, startedAt: startedAt, &clock)
            let record = LoadRecord(
                pipeline: pipeline.name, period: period.description, toolVersion: toolVersion,
                startedAt: startedAt, files: inputs.files, skippedInputs: inputs.skipped,
                findingCounts: checked.findings.reduce(into: [:]) { $0[$1.ruleID.rawValue, default: 0] += 1 },
                checks: checked.run.results.map {
                    LoadRecord.CheckTally(
                        ruleID: $0.ruleID, evaluated: $0.evaluated, failed: $0.failed, notEvaluated: $0.notEvaluated,
                        skipped: $0.skipped, notes: $0.notes)
                })
            let reports = try storeAndReport(period, inputs, checked, record, into: folder, store, &clock)
            let rate = reports.reportingRate
            // The digests go out after the commit; what they did joins quality.md and notify.json before the swap.
            try push(reports, store: store, folder: folder)
            // Only now, with the period committed, do its reports replace the old ones.
            try PeriodReports.publish(folder)
            logger.info("period loaded", metadata: [
                "period": "\(period)", "rows loaded": "\(inputs.reports.rowsLoaded)", "quarantined": "\(checked.quarantine.count)",
                "findings": "\(checked.findings.count)", "reports": "\(folder.path)",
            ])
            return PeriodOutcome(
                period: period, folder: folder.path, rowsRead: inputs.rowsRead, rowsQuarantined: checked.quarantine.count,
                findings: checked.findings.count, reportingRate: rate.total.rate, skipped: inputs.skipped.map(\.kind),
                seconds: clock.timings.reduce(0) { $0 + $1.seconds })
        } catch {
            folder.discard()
            throw error
        }
    }
}

/// What one period's load did, for the command line's closing lines.
public struct PeriodOutcome: Sendable {
    public var period: Period
    public var folder: String
    public var rowsRead: Int
    public var rowsQuarantined: Int
    public var findings: Int
    public var reportingRate: Double?
    public var skipped: [String]
    public var seconds: Double
}
