import Foundation
import StatGuardChecks
import StatGuardCore
import StatGuardIngest
import StatGuardReports
import StatGuardRules
import StatGuardStore
import StatGuardSummaries
import StatGuardWorkflow

/// A period after its checks: what the store and the reports are made from.
struct CheckedPeriod {
    var run: CheckRun
    /// Structure findings of quarantined rows, then the checks' and rules' findings.
    var findings: [Finding]
    var quarantine: [QuarantinedRow]
    /// Last year's reports and, per report row, its row there: what the summaries keep of the history.
    var priorYear: ColumnTable?
    var priorYearRows: [Int32]?
    var reportingRate: ReportingRate
    /// The figures this load revises against the period's previous load.
    var revisions: [FigureRevision]
}

extension MonthlyJob {
    /// What this pipeline's enabled checks, its own rules and the summaries read from earlier periods.
    var historyNeeds: HistoryNeeds {
        let enabled = Set(CheckCatalog.checks.map { $0.entry.ruleID }.filter { pipeline.settings(for: $0.rawValue).enabled })
        return CheckCatalog.history(of: enabled).union(UserRules.history(of: pipeline.rules)).union(SummaryBuilder.history)
    }

    /// Reads the inputs (with the structural rules) while the history comes from the store: both only read.
    func readInputsAndHistory(
        _ period: Period, _ store: Store, _ clock: inout StageClock
    ) throws(JobError) -> (InputSet, StoredPeriod) {
        let pipeline = self.pipeline
        let needs = historyNeeds
        let ((read, readSeconds), (fetched, historySeconds)) = Parallel.both(
            { StageClock.timed { Result { () throws(JobError) in try InputSet.read(pipeline: pipeline, period: period) } } },
            { StageClock.timed { Result { () throws(StoreError) in try StoredPeriod.read(store, period: period, calendar: pipeline.calendar, needs: needs) } } })
        let inputs = try read.get()
        clock.record("ingest", seconds: readSeconds)
        progress.stage(period.description, "ingest + structural checks", rows: inputs.rowsRead, seconds: readSeconds)
        for skipped in inputs.skipped { logger.notice("input skipped", metadata: ["kind": "\(skipped.kind)", "reason": "\(skipped.reason)"]) }
        let stored: StoredPeriod
        do throws(StoreError) { stored = try fetched.get() } catch { throw .store(error) }
        let history = stored.history
        clock.record("history", seconds: historySeconds)
        progress.stage(period.description, "history", rows: history.reports.values.reduce(0) { $0 + $1.count }, seconds: historySeconds)
        logger.debug("history fetched", metadata: [
            "lags": "\(history.reports.keys.sorted())", "admin months": "\(history.admin.count)", "confirmed figures left out": "\(stored.confirmed.count)",
        ])
        return (inputs, stored)
    }

    /// Runs the built-in checks and the pipeline's own rules over the history without confirmed
    /// figures, with the figures this load revises. The history and the check context live only
    /// through here: the summaries keep just last year's reports (as stored) and their alignment,
    /// so the store write after has room. `stored` is consumed: the period's previous load goes
    /// once its revisions are known, and the admin months outside the baselines' lags once the
    /// context has summed them into its twelve-month invoices.
    func check(
        _ inputs: InputSet, _ stored: consuming StoredPeriod, startedAt: String, _ clock: inout StageClock
    ) throws(JobError) -> CheckedPeriod {
        let period = stored.history.period
        let reportsFile = inputs.files.first { $0.kind == FileKind.reports.rawValue }
        let revisions = stored.revisions(of: inputs.reports.table, at: startedAt, fileSHA256: reportsFile?.sha256 ?? "")
        let priorYear = stored.history.reports[12]
        let history = stored.checkHistory
        _ = consume stored
        let quarantine = FileKind.allCases.compactMap { inputs.results[$0] }.flatMap(\.quarantined) + inputs.regionsQuarantined
        let structureFindings = QuarantineFindings.make(quarantine, period: period)
        let context = CheckContext(
            period: period, calendar: pipeline.calendar, reports: inputs.reports.table, register: inputs.register.table,
            products: inputs.results[.products]?.table, capacity: inputs.results[.capacity]?.table,
            admin: inputs.results[.admin]?.table, history: consume history,
            quarantinedCodes: Set(structureFindings.compactMap(\.creditCode)), revisions: revisions)
        let pipeline = self.pipeline
        let builtIn = clock.measure("checks") {
            CheckRunner.run(context, settings: { pipeline.settings(for: $0.rawValue) }, available: Set(inputs.results.keys))
        }
        progress.stage(period.description, "checks", rows: inputs.reports.rowsLoaded, seconds: clock.last)
        let own = clock.measure("rules") { UserRules.run(pipeline.rules, context: context) }
        if !pipeline.rules.isEmpty { progress.stage(period.description, "rules", rows: inputs.reports.rowsLoaded, seconds: clock.last) }
        let run = CheckRun(findings: builtIn.findings + own.findings, results: builtIn.results + own.results)
        return CheckedPeriod(
            run: run, findings: structureFindings + run.findings, quarantine: quarantine, priorYear: priorYear,
            priorYearRows: context.lagRows[12], reportingRate: context.reportingRate, revisions: revisions)
    }

    /// Writes the period into the store while the summaries and reports are made from the same
    /// tables in memory and written into the staging folder. The store's transaction first carries
    /// earlier decisions over to this period's alert keys and hands the statuses to the reports;
    /// it then waits for the reports' timings before it stores the load record, so the record is
    /// complete, written once, and the same as run.json; a report that fails rolls the load back.
    /// Returns the reporting rate.
    func storeAndReport(
        _ period: Period, _ inputs: InputSet, _ checked: CheckedPeriod, _ record: LoadRecord, into folder: PeriodReportFolder,
        _ store: Store, _ clock: inout StageClock
    ) throws(JobError) -> PeriodReports {
        var tables: [FileKind: ColumnTable] = [:]
        for kind in [FileKind.reports, .products, .admin, .capacity] { tables[kind] = inputs.results[kind]?.table }
        let lastPeriod = pipeline.calendar.lag(period, 1)
        var pending = PeriodLoad(
            period: period, record: record, tables: tables, register: inputs.register.table, quarantine: checked.quarantine,
            findings: checked.findings, revisions: checked.revisions, previousPeriod: lastPeriod)
        pending.regions = inputs.regions
        let load = pending
        let pipeline = self.pipeline, timings = clock.timings
        let earlier: [(Period, LoadRecord)]
        do throws(StoreError) { earlier = try PeriodReports.earlierRecords(store, pipeline: pipeline, period: period) } catch {
            throw .store(error)
        }
        let summaryInput = {
            var input = pipeline.summaryInput(
                period: period, reports: inputs.reports.table, priorYear: checked.priorYear,
                register: inputs.register.table, products: inputs.results[.products]?.table, capacity: inputs.results[.capacity]?.table,
                regions: inputs.regions)
            input.priorYearRows = checked.priorYearRows
            input.reportingRate = checked.reportingRate
            return input
        }()
        let carry = carryOver(period, at: record.startedAt)
        let version = PeriodReports.dataVersion(record, revisions: checked.revisions)
        let carried = Handoff<Result<(AlertHistory, AlertUpdate), JobError>>()
        let written = Handoff<Result<LoadRecord, JobError>>()
        let storedRecord = Handoff<LoadRecord>()
        let (storeResult, made) = Parallel.both(
            {
                // The keys' observations made on this thread while the other ranks the findings.
                let observations = KeyObservation.of(checked.findings, catalog: pipeline.findingCatalog)
                var handed = false
                let result = Result { () throws(StoreError) in
                    try store.replace(load) { _, storeSeconds in
                        var record = try written.wait().get()
                        record.stages.append(.init(stage: "store", seconds: storeSeconds))
                        storedRecord.put(record)
                        return record
                    } carryOver: { history in
                        let update = carry.apply(observations, history: history, revisions: load.revisions)
                        carried.put(.success((history, update)))
                        handed = true
                        return update
                    }
                }
                if case .failure(let error) = result, !handed { carried.put(.failure(.store(error))) }
                return result
            },
            {
                Result { () throws(JobError) -> PeriodReports in
                    do throws(JobError) {
                        var stages = StageClock(timings)
                        let reportsStart = DispatchTime.now().uptimeNanoseconds
                        // Ranked while the store carries the statuses over; alerts.xlsx then goes first, on a
                        // thread of its own, and the cases and summaries are made meanwhile.
                        let ranked = PeriodReports.rank(checked.findings, regions: inputs.regions, pipeline: pipeline)
                        let (history, update) = try carried.wait().get()
                        let statuses = PeriodAlerts.statuses(update.statuses)
                        let started = PeriodReports.startWorkbooks(
                            ranked, statuses: statuses, regions: inputs.regions, period: period, into: folder, pipeline: pipeline)
                        let alerts = PeriodAlerts.make(
                            period: period, findings: checked.findings, statuses: statuses, history: history.appending(update.entries),
                            explanations: Explanations.of(inputs.reports.table), lastPeriod: lastPeriod)
                        let summary = stages.measure("summaries") { SummaryBuilder.build(summaryInput) }
                        var bundle = PeriodReports(
                            period: period, record: record, findings: checked.findings, quarantine: checked.quarantine,
                            reportingRate: checked.reportingRate, summary: summary, alerts: alerts, version: version, earlier: earlier,
                            regions: inputs.regions)
                        bundle.record.headline = SummaryHistory.headline(summary)
                        try bundle.finishReports(started, into: folder, pipeline: pipeline)
                        // From the ranking to the last file, the summaries (which ran beside alerts.xlsx) included.
                        stages.record("reports", seconds: Double(DispatchTime.now().uptimeNanoseconds - reportsStart) / 1e9)
                        bundle.record.stages = stages.timings
                        written.put(.success(bundle.record))
                        return bundle
                    } catch {
                        written.put(.failure(error))
                        throw error
                    }
                }
            })
        var bundle = try made.get()
        do throws(StoreError) { _ = try storeResult.get() } catch { throw .store(error) }
        // The committed record, store timing included, is run.json: `statguard report` rebuilds the same bytes.
        let final = storedRecord.wait()
        bundle.record = final
        try PeriodReports.writeRunRecord(final, into: folder)
        for stage in final.stages.dropFirst(clock.timings.count) {
            clock.record(stage.stage, seconds: stage.seconds)
            progress.stage(period.description, stage.stage, rows: stage.stage == "reports" ? nil : inputs.reports.rowsLoaded, seconds: stage.seconds)
        }
        return bundle
    }
}
