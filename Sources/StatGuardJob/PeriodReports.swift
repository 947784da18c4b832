import Dispatch
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardIngest
import StatGuardReports
import StatGuardStore
import StatGuardSummaries
import StatGuardWorkflow

/// Everything a period's report files are rendered from. Built by the run from
/// memory, or by `statguard report` from the store: the same input gives the same bytes.
struct PeriodReports {
    var period: Period
    var record: LoadRecord
    var findings: [Finding]
    var quarantine: [QuarantinedRow]
    var reportingRate: ReportingRate
    var summary: PeriodSummary
    /// The period's alert keys as its load left them: statuses, cases, corrections, triage figures.
    var alerts: PeriodAlerts
    /// The data version summary.md states.
    var version: SummaryMarkdown.DataVersion
    /// The load records of up to twelve reporting periods before, oldest first: their headlines are the charts' history.
    var earlier: [(Period, LoadRecord)] = []
    /// Names of region codes, shown beside the codes.
    var regions = RegionNames()
    /// What pushing the period's digest did, per channel (empty: no channel, or not pushed yet).
    var deliveries: [DeliveryRecord] = []

    /// Writes every report of the period and replaces its folder with them in one step.
    /// On failure the folder keeps the files it had.
    func write(pipeline: PipelineDefinition) throws(JobError) -> PeriodReportFolder {
        let folder = try Self.prepareFolder(pipeline: pipeline, period: period)
        do throws(JobError) {
            try writeReports(into: folder, pipeline: pipeline)
            try writeRunRecord(folder)
            try Self.publish(folder)
        } catch {
            folder.discard()
            throw error
        }
        return folder
    }

    /// The period's report folder with an empty staging folder ready; fails while nothing else has changed.
    static func prepareFolder(pipeline: PipelineDefinition, period: Period) throws(JobError) -> PeriodReportFolder {
        let folder = PeriodReportFolder(reportsFolder: pipeline.reportsFolder, pipeline: pipeline.name, period: period)
        do { try folder.prepare() } catch { throw .reportWrite(path: folder.path, message: "\(error)") }
        return folder
    }

    /// Swaps the staged reports into place.
    static func publish(_ folder: PeriodReportFolder) throws(JobError) {
        do { try folder.publish() } catch { throw .reportWrite(path: folder.path, message: "\(error)") }
    }

    /// Writes every report but run.json into the folder's staging area.
    func writeReports(into folder: PeriodReportFolder, pipeline: PipelineDefinition) throws(JobError) {
        let started = Self.startWorkbooks(
            Self.rank(findings, regions: regions, pipeline: pipeline), statuses: alerts.statuses, regions: regions, period: period,
            into: folder, pipeline: pipeline)
        try finishReports(started, into: folder, pipeline: pipeline)
    }

    /// The findings in alerts.csv's order with their texts, written once for alerts.csv, cases.csv and
    /// alerts.xlsx alike; it needs no statuses, so the run makes it while the store carries them over.
    struct Ranked: Sendable {
        let renderer: FindingRenderer
        let findings: RankedFindings
    }

    /// Ranks `findings` and writes their texts.
    static func rank(_ findings: [Finding], regions: RegionNames, pipeline: PipelineDefinition) -> Ranked {
        let renderer = FindingRenderer(catalog: pipeline.findingCatalog, regions: regions)
        return Ranked(renderer: renderer, findings: RankedFindings(findings, renderer))
    }

    /// The ranked findings, and the workbooks being written on another thread.
    struct StartedReports {
        let ranked: Ranked
        /// Takes the period's summary, which summary.xlsx is made from once alerts.xlsx is written.
        let summary: Handoff<PeriodSummary>
        let workbooks: Handoff<Result<Void, JobError>>
    }

    /// Starts the workbooks on another thread: alerts.xlsx, the reports' largest file, nearly all
    /// of it in libxlsxwriter, then summary.xlsx. alerts.xlsx needs only the ranked findings and
    /// their statuses, so the run starts it before the summaries are made; summary.xlsx waits
    /// for the summary from ``finishReports(_:into:pipeline:)``, while the text files are written.
    /// Every call must be followed by that one, with nothing that can throw between: until it
    /// hands the summary over, the workbooks' thread waits.
    static func startWorkbooks(
        _ ranked: Ranked, statuses: AlertStatuses, regions: RegionNames, period: Period,
        into folder: PeriodReportFolder, pipeline: PipelineDefinition
    ) -> StartedReports {
        let summary = Handoff<PeriodSummary>()
        let workbooks = Handoff<Result<Void, JobError>>()
        let countyNames = regions.names.filter { $0.key.count == 6 }
        DispatchQueue.global().async {
            workbooks.put(Result { () throws(JobError) in
                try write(folder, "alerts.xlsx") {
                    try AlertsWorkbook.render(
                        ranked.findings, pipeline: pipeline.name, period: period, periodLabel: pipeline.calendar.label(period),
                        statuses: statuses, countyNames: countyNames)
                }
                let made = summary.wait()
                try write(folder, "summary.xlsx") { try SummaryWorkbook.render(made, pipeline: pipeline.name) }
            })
        }
        return StartedReports(ranked: ranked, summary: summary, workbooks: workbooks)
    }

    /// Hands the summary to the workbooks' thread, writes the CSV, Markdown and chart files on
    /// this one, then waits for the workbooks.
    func finishReports(_ started: StartedReports, into folder: PeriodReportFolder, pipeline: PipelineDefinition) throws(JobError) {
        started.summary.put(summary)
        let texts = Result { () throws(JobError) in
            try writeTexts(into: folder, pipeline: pipeline, started.ranked.renderer, started.ranked.findings)
        }
        try started.workbooks.wait().get()
        try texts.get()
    }

    /// Writes the CSV, Markdown and chart files.
    private func writeTexts(
        into folder: PeriodReportFolder, pipeline: PipelineDefinition, _ renderer: FindingRenderer, _ ranked: RankedFindings
    ) throws(JobError) {
        let label = pipeline.calendar.label(period)
        var quality = QualityReportInput(
            record: record, periodLabel: label, reportingRate: reportingRate, quarantine: quarantine, findings: findings,
            triage: alerts.triage)
        quality.regions = regions
        quality.deliveries = deliveries
        try write(folder, "quarantine.csv", QuarantineCSV.render(quarantine))
        if !deliveries.isEmpty { try write(folder, "notify.json", RunJSON.render(deliveries)) }
        let townNames = regions.names.filter { $0.key.count == 9 }
        let alertCharts = AlertCharts.files(findings, periodLabel: label, townNames: townNames)
        try write(folder, "alerts.csv", AlertsCSV.render(ranked, statuses: alerts.statuses))
        try write(folder, "cases.csv", CasesCSV.render(alerts.cases, renderer, ranked: ranked))
        try write(folder, "alerts.md", Array((AlertsMarkdown.render(
            findings, renderer, pipeline: pipeline.name, periodLabel: label, cases: alerts.cases, corrected: alerts.corrected)
            + ChartFile.markdown(alertCharts)).utf8))
        try write(folder, "quality.md", Array(QualityMarkdown.render(quality).utf8))
        try write(folder, "summary.csv", SummaryCSV.render(summary))
        let summaryCharts = SummaryCharts.files(SummaryHistory.periods(earlier, current: summary))
        for chart in summaryCharts + alertCharts { try write(folder, chart.name, chart.bytes) }
        try write(folder, "summary.md", Array((SummaryMarkdown.render(
            summary, pipeline: pipeline.name, openErrors: alerts.unresolvedErrors(findings), version: version,
            lead: SummaryLead.OpenErrors(findings.filter { alerts.statuses[AlertKey($0)]?.status.isInQueue ?? true }))
            + ChartFile.markdown(summaryCharts)).utf8))
    }

    /// Rewrites quality.md with what the push did, and writes notify.json, into the staging area.
    func writeDeliveries(into folder: PeriodReportFolder, pipeline: PipelineDefinition) throws(JobError) {
        var quality = QualityReportInput(
            record: record, periodLabel: pipeline.calendar.label(period), reportingRate: reportingRate, quarantine: quarantine,
            findings: findings, triage: alerts.triage)
        quality.regions = regions
        quality.deliveries = deliveries
        try write(folder, "quality.md", Array(QualityMarkdown.render(quality).utf8))
        try write(folder, "notify.json", RunJSON.render(deliveries))
    }

    /// Writes run.json, the load record, into the folder's staging area.
    func writeRunRecord(_ folder: PeriodReportFolder) throws(JobError) {
        try Self.writeRunRecord(record, into: folder)
    }

    /// Writes `record` as run.json into the folder's staging area.
    static func writeRunRecord(_ record: LoadRecord, into folder: PeriodReportFolder) throws(JobError) {
        try write(folder, "run.json") { RunJSON.render(record) }
    }

    private func write(_ folder: PeriodReportFolder, _ name: String, _ bytes: [UInt8]) throws(JobError) {
        try Self.write(folder, name) { bytes }
    }

    private static func write(_ folder: PeriodReportFolder, _ name: String, _ bytes: () throws -> [UInt8]) throws(JobError) {
        do { try folder.write(name, try bytes()) } catch { throw .reportWrite(path: "\(folder.path)/\(name)", message: "\(error)") }
    }

    /// The load records of the reporting periods before `period` (up to twelve), oldest first.
    static func earlierRecords(_ store: Store, pipeline: PipelineDefinition, period: Period) throws(StoreError) -> [(Period, LoadRecord)] {
        var records: [(Period, LoadRecord)] = []
        for lag in (1...12).reversed() {
            let earlier = pipeline.calendar.lag(period, lag)
            if let record = try store.loadRecord(of: earlier) { records.append((earlier, record)) }
        }
        return records
    }
}
