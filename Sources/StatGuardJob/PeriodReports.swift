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
        let label = pipeline.calendar.label(period)
        let quality = QualityReportInput(
            record: record, periodLabel: label, reportingRate: reportingRate, quarantine: quarantine, findings: findings,
            triage: alerts.triage)
        try write(folder, "quarantine.csv", QuarantineCSV.render(quarantine))
        let renderer = pipeline.findingRenderer
        try write(folder, "alerts.csv", AlertsCSV.render(findings, renderer, statuses: alerts.statuses))
        try write(folder, "cases.csv", CasesCSV.render(alerts.cases, renderer))
        try write(folder, "alerts.md", Array(AlertsMarkdown.render(
            findings, renderer, pipeline: pipeline.name, periodLabel: label, cases: alerts.cases, corrected: alerts.corrected).utf8))
        try write(folder, "quality.md", Array(QualityMarkdown.render(quality).utf8))
        try write(folder, "summary.csv", SummaryCSV.render(summary))
        try write(folder, "summary.md", Array(SummaryMarkdown.render(
            summary, pipeline: pipeline.name, openErrors: alerts.unresolvedErrors(findings), version: version).utf8))
        try write(folder, "alerts.xlsx") {
            try AlertsWorkbook.render(findings, renderer, pipeline: pipeline.name, period: period, periodLabel: label, statuses: alerts.statuses)
        }
        try write(folder, "summary.xlsx") { try SummaryWorkbook.render(summary, pipeline: pipeline.name) }
    }

    /// Writes run.json, the load record, into the folder's staging area.
    func writeRunRecord(_ folder: PeriodReportFolder) throws(JobError) {
        try Self.writeRunRecord(record, into: folder)
    }

    /// Writes `record` as run.json into the folder's staging area.
    static func writeRunRecord(_ record: LoadRecord, into folder: PeriodReportFolder) throws(JobError) {
        do { try folder.write("run.json", RunJSON.render(record)) } catch {
            throw .reportWrite(path: "\(folder.path)/run.json", message: "\(error)")
        }
    }

    private func write(_ folder: PeriodReportFolder, _ name: String, _ bytes: [UInt8]) throws(JobError) {
        try write(folder, name) { bytes }
    }

    private func write(_ folder: PeriodReportFolder, _ name: String, _ bytes: () throws -> [UInt8]) throws(JobError) {
        do { try folder.write(name, try bytes()) } catch { throw .reportWrite(path: "\(folder.path)/\(name)", message: "\(error)") }
    }

    /// The summary input of a period from its tables.
    static func summaryInput(
        pipeline: PipelineDefinition, period: Period, reports: ColumnTable, priorYear: ColumnTable?, register: ColumnTable?,
        products: ColumnTable?, capacity: ColumnTable?
    ) -> SummaryInput {
        SummaryInput(
            period: period, calendar: pipeline.calendar, reports: reports, priorYear: priorYear, register: register,
            products: products, capacity: capacity, chains: pipeline.chains.map { ($0.name, $0.prefixes) }, parks: pipeline.parks)
    }
}
