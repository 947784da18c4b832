import StatGuardCore

/// Everything one load writes for its period, in one transaction.
public struct PeriodLoad: Sendable {
    public var period: Period
    public var record: LoadRecord
    /// Loaded rows of the period's files (reports, products, admin) and of capacity.
    public var tables: [FileKind: ColumnTable]
    /// The register file as loaded with this period.
    public var register: ColumnTable
    public var quarantine: [QuarantinedRow]
    public var findings: [Finding]
    /// The figures this load changes against the period's previous load (empty on a first load).
    public var revisions: [FigureRevision]
    /// The reporting period before, whose alert occurrences this period's continue.
    public var previousPeriod: Period?
    /// Names of region codes (`regions.csv`) as they were for this load; reports rebuilt from the store show the same.
    public var regions = RegionNames()

    public init(
        period: Period, record: LoadRecord, tables: [FileKind: ColumnTable], register: ColumnTable,
        quarantine: [QuarantinedRow], findings: [Finding], revisions: [FigureRevision] = [], previousPeriod: Period? = nil
    ) {
        self.period = period
        self.record = record
        self.tables = tables
        self.register = register
        self.quarantine = quarantine
        self.findings = findings
        self.revisions = revisions
        self.previousPeriod = previousPeriod
    }
}
