import StatGuardCore

/// Everything the checks of one period read: the loaded rows, the optional
/// inputs, the history aligned to the current report rows, and area totals.
///
/// Built once per period; alignments (row of the same enterprise in another
/// table, or −1) are computed here so no check joins by itself.
public struct CheckContext: Sendable {
    public let period: Period
    public let calendar: ReportingCalendar
    public let reports: ColumnTable
    public let register: ColumnTable
    public let products: ColumnTable?
    public let capacity: ColumnTable?
    public let admin: ColumnTable?
    /// The history. Of its admin months only those at ``EnterpriseBaseline/lags`` stay once the
    /// context is made: the others are read only into ``invoices`` (140 MB for a national year).
    public private(set) var history: PeriodHistory
    /// Enterprises whose row was quarantined: they did report, badly.
    public let quarantinedCodes: Set<CreditCode>
    public let catalog: IndustryCatalog

    /// Per report row: its row in the reports `lag` periods back (1, 2, 3, 12), or −1.
    public let lagRows: [Int: [Int32]]
    /// Per report row: its register row, or −1.
    public let registerRows: [Int32]
    /// Per report row: its row in this period's admin data, or −1 (all −1 without admin data).
    public let adminRows: [Int32]
    /// Per report row: its row in the stored admin data of the period `lag` back (1, 2, 3, 12), or −1;
    /// only for the lags whose admin data the history holds.
    public let adminLagRows: [Int: [Int32]]
    /// The enterprises' own baselines the checks judge on (``CheckCatalog/baselines``) whose history was read, computed once.
    public private(set) var baselines: [EnterpriseBaseline.Ratio: EnterpriseBaseline] = [:]
    /// Report rows grouped by 4-digit industry class.
    public let rowsByClass: [IndustryCode: [Int]]
    /// Totals of this period's loaded figures per county, for scores.
    public let countyTotals: CountyTotals
    /// Twelve months of invoiced sales of the admin data's and the register's enterprises (U02, O09).
    public let invoices: TwelveMonthInvoices
    /// 报送率 by town and in all: computed once per period, for G03, the summaries and the reports.
    public let reportingRate: ReportingRate
    /// The figures this load changes against the period's previous load (a resubmission); empty on a first load.
    /// Earlier reloads' revisions are in ``PeriodHistory/revisions``.
    public let revisions: [FigureRevision]

    public init(
        period: Period, calendar: ReportingCalendar, reports: ColumnTable, register: ColumnTable,
        products: ColumnTable?, capacity: ColumnTable?, admin: ColumnTable?, history: PeriodHistory,
        quarantinedCodes: Set<CreditCode>, catalog: IndustryCatalog = .standard, revisions: [FigureRevision] = []
    ) {
        self.period = period
        self.calendar = calendar
        self.reports = reports
        self.register = register
        self.products = products
        self.capacity = capacity
        self.admin = admin
        self.history = history
        self.quarantinedCodes = quarantinedCodes
        self.catalog = catalog
        self.revisions = revisions
        // The report rows' joins to the history and the reporting rate beside the twelve months of
        // invoices (their months spread over the cores) and the county totals, about even.
        let (aligned, (invoices, countyTotals)) = Parallel.both(
            {
                var lagRows: [Int: [Int32]] = [:]
                for lag in PeriodHistory.reportLags { lagRows[lag] = history.reportRows(lag: lag, for: reports.creditCodes) }
                return (
                    lagRows: lagRows, registerRows: PeriodHistory.rows(of: reports.creditCodes, in: register),
                    adminRows: admin.map { PeriodHistory.rows(of: reports.creditCodes, in: $0) } ?? Array(repeating: -1, count: reports.count),
                    adminLagRows: Self.adminLagRows(reports: reports, history: history), rowsByClass: Self.rowsByClass(reports),
                    reportingRate: ReportingRate(register: register, reports: reports, period: period))
            },
            {
                (TwelveMonthInvoices(
                    codes: (admin?.creditCodes ?? []) + register.creditCodes, calendar: calendar, period: period, admin: admin,
                    history: history.admin), CountyTotals(reports))
            })
        lagRows = aligned.lagRows
        registerRows = aligned.registerRows
        adminRows = aligned.adminRows
        adminLagRows = aligned.adminLagRows
        rowsByClass = aligned.rowsByClass
        self.countyTotals = countyTotals
        reportingRate = aligned.reportingRate
        self.invoices = invoices
        let provided = EnterpriseBaseline.Ratio.allCases.filter { ratio in
            guard CheckCatalog.baselines.contains(ratio) else { return false }
            let needs = ratio.history
            return needs.reports.allSatisfy { lag, fields in fields.allSatisfy { history.needs.provides($0, lag: lag) } }
                && needs.admin.allSatisfy { history.needs.providesAdmin($0) }
        }
        let context = self
        let computed = Parallel.map(provided.count) { EnterpriseBaseline(provided[$0], context) }
        baselines = Dictionary(uniqueKeysWithValues: zip(provided, computed))
        self.history = history.keepingAdmin(lags: EnterpriseBaseline.lags)
    }

    /// Report rows grouped by 4-digit industry class.
    private static func rowsByClass(_ reports: ColumnTable) -> [IndustryCode: [Int]] {
        var buckets = [[Int]](repeating: [], count: 10_000)  // one per possible class code: no hashing per row
        for (row, code) in reports.industryCodes.enumerated() { buckets[Int(code.value)].append(row) }
        var byClass: [IndustryCode: [Int]] = [:]
        for (value, rows) in buckets.enumerated() where !rows.isEmpty { byClass[IndustryCode(value: UInt16(value))] = rows }
        return byClass
    }

    /// The stored admin rows of the lag periods, aligned to the report rows: one index over the
    /// report codes, and each admin month scattered into it (no index per admin month).
    private static func adminLagRows(reports: ColumnTable, history: PeriodHistory) -> [Int: [Int32]] {
        guard !history.admin.isEmpty else { return [:] }
        let index = reports.rowIndex()
        var result: [Int: [Int32]] = [:]
        for lag in EnterpriseBaseline.lags {
            guard let table = history.admin[history.period(lag: lag)] else { continue }
            var rows = [Int32](repeating: -1, count: reports.count)
            for (adminRow, code) in table.creditCodes.enumerated() {
                let row = index.row(of: code)
                if row >= 0, rows[Int(row)] < 0 { rows[Int(row)] = Int32(adminRow) }
            }
            result[lag] = rows
        }
        return result
    }

    /// The baseline of `ratio`; the check must declare it (``Check/baselines``) and its history.
    public func baseline(_ ratio: EnterpriseBaseline.Ratio) -> EnterpriseBaseline {
        guard let baseline = baselines[ratio] else {
            preconditionFailure("the baseline of \(ratio.rawValue) was read but no check declares it, or its history was not read")
        }
        return baseline
    }

    /// This period's values of `field` for every report row.
    public func current(_ field: ReportField) -> [Double] { reports[field] }

    /// The values of `field` `lag` periods back, aligned to the report rows (NaN where absent).
    /// The check must have declared it (``Check/history``): a debug build stops on an undeclared read.
    public func lagged(_ field: ReportField, _ lag: Int) -> [Double] {
        assert(history.needs.provides(field.spec.name, lag: lag), "\(field.spec.name) \(lag) periods back was read but not declared")
        guard let table = history.reports[lag], !table[field].isEmpty else {
            return Array(repeating: .nan, count: reports.count)
        }
        return table[field].gathered(at: lagRows[lag]!)
    }

    /// This period's admin values of `field`, aligned to the report rows (NaN where absent).
    public func adminAligned(_ field: AdminField) -> [Double] {
        guard let admin else { return Array(repeating: .nan, count: reports.count) }
        return admin[field].gathered(at: adminRows)
    }
}

/// Sums of this period's loaded report figures by county (first 6 region digits) and in all.
public struct CountyTotals: Sendable {
    private var sums: [ReportField: [RegionCode: Double]] = [:]
    private var areaSums: [ReportField: Double] = [:]

    /// The fields totals are kept for.
    public static let fields: [ReportField] = [.grossOutput, .salesOutput, .exportDelivery, .revenueYTD, .electricity, .grossOutputYTD, .salesOutputYTD]

    init(_ reports: ColumnTable) {
        for field in Self.fields {
            var byCounty: [RegionCode: Double] = [:]
            var all = 0.0
            let values = reports[field]
            for row in 0..<reports.count where !values[row].isNaN {
                byCounty[reports.regionCodes[row].county, default: 0] += values[row]
                all += values[row]
            }
            sums[field] = byCounty
            areaSums[field] = all
        }
    }

    /// The county's total of `field` (at least 1, so scores never divide by zero).
    public func total(_ field: ReportField, county: RegionCode) -> Double {
        max(1, sums[field]?[county.county] ?? 0)
    }

    /// The whole area's total of `field` (at least 1).
    public func areaTotal(_ field: ReportField) -> Double { max(1, areaSums[field] ?? 0) }
}
