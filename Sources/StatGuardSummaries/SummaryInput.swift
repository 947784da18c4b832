import StatGuardCore

/// What a period's summary is computed from: only loaded rows (quarantined rows
/// never enter a total), the store's reports of the same period last year, the
/// register (for the reporting rate), products and capacity.
public struct SummaryInput: Sendable {
    public var period: Period
    public var calendar: ReportingCalendar
    public var reports: ColumnTable
    /// The store's reports of the same period a year earlier, if loaded.
    public var priorYear: ColumnTable?
    /// Per report row, its row in ``priorYear`` or −1, when already computed (the checks align the same rows).
    public var priorYearRows: [Int32]?
    public var register: ColumnTable?
    /// The reporting rate, when already computed (the checks computed it from the same register and reports).
    public var reportingRate: ReportingRate?
    public var products: ColumnTable?
    public var capacity: ColumnTable?
    /// Industry chains: name and class-code prefixes.
    public var chains: [(name: String, prefixes: [String])]
    /// Parks reported one by one, in order; others are summed as 其他园区.
    public var parks: [String]
    public var catalog: IndustryCatalog
    /// Names of counties and towns (`regions.csv`): their rows are named `达川区 511703`, or by code alone.
    public var regionNames = RegionNames()

    public init(
        period: Period, calendar: ReportingCalendar, reports: ColumnTable, priorYear: ColumnTable?, register: ColumnTable?,
        products: ColumnTable?, capacity: ColumnTable?, chains: [(name: String, prefixes: [String])], parks: [String],
        catalog: IndustryCatalog = .standard
    ) {
        self.period = period
        self.calendar = calendar
        self.reports = reports
        self.priorYear = priorYear
        self.register = register
        self.products = products
        self.capacity = capacity
        self.chains = chains
        self.parks = parks
        self.catalog = catalog
    }
}
