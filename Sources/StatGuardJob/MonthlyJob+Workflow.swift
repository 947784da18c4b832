import StatGuardChecks
import StatGuardCore
import StatGuardReports
import StatGuardStore
import StatGuardWorkflow

/// What the store holds for a period before it is loaded: the history its checks compare
/// against and, for a reload, what the period's previous load left.
struct StoredPeriod: Sendable {
    /// The history as stored (the summaries' prior year comes from it).
    var history: PeriodHistory
    /// The period's reports as last loaded (nil on a first load): what a resubmission revises.
    var previousReports: ColumnTable?
    /// The figures statisticians confirmed wrong, left out of the history the checks see.
    var confirmed: ConfirmedFigures

    /// Reads it through a memory map of the store, unmapped after so the mapped pages leave the
    /// resident set before the checks; only reads, so it runs beside the ingest.
    static func read(_ store: Store, period: Period, calendar: ReportingCalendar, needs: HistoryNeeds) throws(StoreError) -> StoredPeriod {
        try store.setMemoryMapped(true)
        let stored = StoredPeriod(
            history: try store.history(for: period, calendar: calendar, needs: needs),
            previousReports: try store.table(.reports, period: period),
            confirmed: ConfirmedFigures(auditLog: try store.auditLog()))
        try store.setMemoryMapped(false)
        return stored
    }

    /// The history the checks see: confirmed figures served as missing.
    var checkHistory: PeriodHistory { history.excluding(confirmed) }

    /// The figures the new reports change against the previous load.
    func revisions(of reports: ColumnTable, at: String, fileSHA256: String) -> [FigureRevision] {
        guard let previousReports else { return [] }
        return RevisionDiff.revisions(old: previousReports, new: reports, period: history.period, at: at, fileSHA256: fileSHA256)
    }
}

extension MonthlyJob {
    /// The carry-over of this pipeline for `period`, its entries dated `at`.
    func carryOver(_ period: Period, at: String) -> CarryOver {
        CarryOver(period: period, band: pipeline.workflow.carryOverBand, at: at)
    }
}

extension PeriodReports {
    /// The data version summary.md states: the reports file's digest and what the load revised.
    static func dataVersion(_ record: LoadRecord, revisions: [FigureRevision]) -> SummaryMarkdown.DataVersion {
        SummaryMarkdown.DataVersion(
            reportsSHA256: record.files.first { $0.kind == FileKind.reports.rawValue }?.sha256 ?? "",
            revisedFigures: revisions.count, revisedEnterprises: Set(revisions.map(\.creditCode)).count)
    }
}
