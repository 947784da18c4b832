import Foundation
import Logging
import StatGuardConfig
import StatGuardChecks
import StatGuardCore
import StatGuardIngest
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

    /// What this pipeline's enabled checks, its own rules and the summaries read from earlier periods.
    var historyNeeds: HistoryNeeds {
        let enabled = Set(CheckCatalog.checks.map { $0.entry.ruleID }.filter { pipeline.settings(for: $0.rawValue).enabled })
        return CheckCatalog.history(of: enabled).union(UserRules.history(of: pipeline.rules)).union(SummaryBuilder.history)
    }

    private func run(period: Period, store: Store) throws(JobError) -> PeriodOutcome {
        let started = Date()
        logger.info("loading period", metadata: ["period": "\(period)", "pipeline": "\(pipeline.name)"])
        // An unwritable report folder stops the run here, before anything is read or committed.
        let folder = try PeriodReports.prepareFolder(pipeline: pipeline, period: period)
        do throws(JobError) {
            return try run(period: period, store: store, folder: folder, started: started)
        } catch {
            folder.discard()
            throw error
        }
    }

    private func run(period: Period, store: Store, folder: PeriodReportFolder, started: Date) throws(JobError) -> PeriodOutcome {
        var clock = StageClock()
        let name = period.description

        // The inputs are read while the history the checks need comes from the store: both only read.
        let pipeline = self.pipeline
        let needs = historyNeeds
        let ((read, readSeconds), (fetched, historySeconds)) = Parallel.both(
            { StageClock.timed { Result { () throws(JobError) in try InputSet.read(pipeline: pipeline, period: period) } } },
            { StageClock.timed { Result { () throws(StoreError) in
                try store.history(for: period, calendar: pipeline.calendar, needs: needs)
            } } })
        let inputs = try read.get()
        clock.record("ingest", seconds: readSeconds)
        let reports = inputs.results[.reports]!
        let register = inputs.results[.register]!
        let rowsRead = inputs.results.values.reduce(0) { $0 + $1.rowsRead }
        progress.stage(name, "ingest + structural checks", rows: rowsRead, seconds: clock.last)
        for skipped in inputs.skipped { logger.notice("input skipped", metadata: ["kind": "\(skipped.kind)", "reason": "\(skipped.reason)"]) }

        let quarantine = FileKind.allCases.compactMap { inputs.results[$0] }.flatMap(\.quarantined)
        let structureFindings = QuarantineFindings.make(quarantine, period: period)
        // History and the check context live only through the checks: the summaries keep
        // just last year's reports and their alignment, so the store write below has room.
        let (checks, priorYear, priorYearRows) = try { () throws(JobError) -> (CheckRun, ColumnTable?, [Int32]?) in
            let history: PeriodHistory
            do throws(StoreError) { history = try fetched.get() } catch { throw .store(error) }
            clock.record("history", seconds: historySeconds)
            progress.stage(name, "history", rows: history.reports.values.reduce(0) { $0 + $1.count }, seconds: clock.last)
            logger.debug("history fetched", metadata: ["lags": "\(history.reports.keys.sorted())", "admin months": "\(history.admin.count)"])
            let context = CheckContext(
                period: period, calendar: pipeline.calendar, reports: reports.table, register: register.table,
                products: inputs.results[.products]?.table, capacity: inputs.results[.capacity]?.table,
                admin: inputs.results[.admin]?.table, history: history,
                quarantinedCodes: Set(structureFindings.compactMap(\.creditCode)))
            let builtIn = clock.measure("checks") {
                CheckRunner.run(context, settings: { pipeline.settings(for: $0.rawValue) }, available: Set(inputs.results.keys))
            }
            progress.stage(name, "checks", rows: reports.rowsLoaded, seconds: clock.last)
            let own = clock.measure("rules") { UserRules.run(pipeline.rules, context: context) }
            if !pipeline.rules.isEmpty { progress.stage(name, "rules", rows: reports.rowsLoaded, seconds: clock.last) }
            return (CheckRun(findings: builtIn.findings + own.findings, results: builtIn.results + own.results),
                    history.reports[12], context.lagRows[12])
        }()
        let findings = structureFindings + checks.findings
        var record = LoadRecord(
            pipeline: pipeline.name, period: name, toolVersion: toolVersion,
            startedAt: ISO8601DateFormatter().string(from: started), files: inputs.files, skippedInputs: inputs.skipped,
            findingCounts: findings.reduce(into: [:]) { $0[$1.ruleID.rawValue, default: 0] += 1 },
            checks: checks.results.map {
                LoadRecord.CheckTally(
                    ruleID: $0.ruleID, evaluated: $0.evaluated, failed: $0.failed, notEvaluated: $0.notEvaluated,
                    skipped: $0.skipped, notes: $0.notes)
            })

        var tables: [FileKind: ColumnTable] = [:]
        for kind in [FileKind.reports, .products, .admin, .capacity] { tables[kind] = inputs.results[kind]?.table }
        // The store is written while the summaries and reports are made from the same tables in memory.
        let load = PeriodLoad(
            period: period, record: record, tables: tables, register: register.table, quarantine: quarantine, findings: findings)
        let summaryInput = {
            var input = PeriodReports.summaryInput(
                pipeline: pipeline, period: period, reports: reports.table, priorYear: priorYear,
                register: register.table, products: inputs.results[.products]?.table, capacity: inputs.results[.capacity]?.table)
            input.priorYearRows = priorYearRows
            return input
        }()
        let registerTable = register.table, reportsTable = reports.table, pendingRecord = record
        let ((stored, storeSeconds), (made, summarySeconds, reportSeconds)) = Parallel.both(
            { StageClock.timed { Result { () throws(StoreError) in try store.replace(load) } } },
            {
                let (built, summarySeconds) = StageClock.timed {
                    (ReportingRate(register: registerTable, reports: reportsTable, period: period), SummaryBuilder.build(summaryInput))
                }
                let bundle = PeriodReports(
                    period: period, record: pendingRecord, findings: findings, quarantine: quarantine,
                    reportingRate: built.0, summary: built.1)
                let (written, reportSeconds) = StageClock.timed {
                    Result { () throws(JobError) in try bundle.writeReports(into: folder, pipeline: pipeline); return bundle }
                }
                return (written, summarySeconds, reportSeconds)
            })
        let loadID: Int64
        do throws(StoreError) { loadID = try stored.get() } catch { throw .store(error) }
        clock.record("store", seconds: storeSeconds)
        progress.stage(name, "store", rows: reports.rowsLoaded, seconds: storeSeconds)
        clock.record("summaries", seconds: summarySeconds)
        progress.stage(name, "summaries", rows: reports.rowsLoaded, seconds: summarySeconds)
        var bundle = try made.get()
        clock.record("reports", seconds: reportSeconds)
        let rate = bundle.reportingRate
        // run.json carries every stage's time; the same record is stored so `statguard report` rebuilds the same bytes.
        record.stages = clock.timings
        bundle.record = record
        try bundle.writeRunRecord(folder)
        do throws(StoreError) { try store.updateLoadRecord(loadID, record) } catch { throw .store(error) }
        // Only now, with the period committed, do its reports replace the old ones.
        try PeriodReports.publish(folder)
        progress.stage(name, "reports", rows: nil, seconds: clock.last)
        logger.info("period loaded", metadata: [
            "period": "\(name)", "rows loaded": "\(reports.rowsLoaded)", "quarantined": "\(quarantine.count)",
            "findings": "\(findings.count)", "reports": "\(folder.path)",
        ])
        return PeriodOutcome(
            period: period, folder: folder.path, rowsRead: rowsRead, rowsQuarantined: quarantine.count,
            findings: findings.count, reportingRate: rate.total.rate, skipped: inputs.skipped.map(\.kind),
            seconds: clock.timings.reduce(0) { $0 + $1.seconds })
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
