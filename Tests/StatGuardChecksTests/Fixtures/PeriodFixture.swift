import StatGuardChecks
import StatGuardCore
import StatGuardIngest
import StatGuardTestSupport

/// One report of an enterprise as it fills it in: money in 千元, electricity in
/// 万千瓦时. What a test leaves out gets a value that contradicts nothing:
/// sales 98% of output, 本年累计 chained from the previous report (or the month
/// times the periods elapsed), revenue 102% of the sales 累计, export, energy
/// and 上年同期 blank.
struct Month: Sendable {
    var output: Double
    var electricity: Double
    var sales: Double?
    var export: Double?
    var energy: Double?
    var employees: Double
    var outputYTD: Double?
    var salesYTD: Double?
    var outputLastYear: Double?
    var outputYTDLastYear: Double?
    var revenueYTD: Double?
    /// What the tax bureau and the grid recorded for this month, when the enterprise's admin
    /// history follows its reports (nil: its sales and its electricity, as reported).
    var invoiced: Double?
    var grid: Double?

    init(
        output: Double, electricity: Double, sales: Double? = nil, export: Double? = nil, energy: Double? = nil,
        employees: Double = 100, outputYTD: Double? = nil, salesYTD: Double? = nil,
        outputLastYear: Double? = nil, outputYTDLastYear: Double? = nil, revenueYTD: Double? = nil
    ) {
        self.output = output
        self.electricity = electricity
        self.sales = sales
        self.export = export
        self.energy = energy
        self.employees = employees
        self.outputYTD = outputYTD
        self.salesYTD = salesYTD
        self.outputLastYear = outputLastYear
        self.outputYTDLastYear = outputYTDLastYear
        self.revenueYTD = revenueYTD
    }

    var salesOrDefault: Double { sales ?? output * 0.98 }

    /// The same report with output and electricity multiplied (sales follow unless set).
    func scaled(output outputFactor: Double, electricity electricityFactor: Double) -> Month {
        var copy = self
        copy.output = output * outputFactor
        copy.electricity = electricity * electricityFactor
        copy.sales = sales.map { $0 * outputFactor }
        copy.outputYTD = nil
        copy.salesYTD = nil
        return copy
    }
}

/// How the register (名录库) lists an enterprise.
struct RegisterEntry: Sendable {
    var aboveScale = true
    /// 1 正常运营, 2 停业, 3 筹建, 4 注销.
    var status: UInt8 = 1
    var entered = Period(year: 2015, month: 1)
    var exited: Period?

    static let operating = RegisterEntry()
}

/// The grid's meter and the tax bureau's invoices for the enterprise this period.
struct AdminEntry: Sendable {
    var grid: Double
    var invoiced: Double
}

/// A product line: this period's output, its 本年累计 and the design capacity.
struct Product: Sendable {
    var code = "2501"
    var name = "焦炭"
    var unit = "吨"
    var output: Double
    var outputYTD: Double
    var annualCapacity: Double?
    var capacityUnit: String?
}

/// One enterprise described as plain values: who it is, what it reported now
/// and before, how the register lists it, and what other agencies measured.
struct Enterprise: Sendable {
    var number: Int
    var name: String
    var region: String
    var industry: String
    /// This period's report; nil when it sent none.
    var now: Month?
    /// Earlier reports by lag: 1, 2, 3 reporting periods back and 12 (same period last year).
    var history: [Int: Month]
    /// nil when the register does not list it.
    var register: RegisterEntry?
    /// This period's admin row; nil when the admin file has none for it.
    var admin: AdminEntry?
    /// Monthly invoiced sales in the stored admin files of the eleven months before.
    var monthlyInvoices: Double?
    /// How many of those stored admin files list the enterprise, the latest ones (nil: all).
    var invoiceMonths: Int?
    /// Whether the stored admin files of the periods it reported (1, 2, 3, 12 back) hold that
    /// report's sales and electricity (or its ``Month/invoiced`` and ``Month/grid``), as the grid
    /// and the tax bureau measured them then.
    var adminFollowsReports = false
    /// How many of the latest stored admin files show no invoices (it stopped invoicing then; nil: none).
    var invoicesStoppedMonths: Int?
    var products: [Product]

    init(
        _ number: Int, name: String? = nil, region: String = PeriodFixture.townA + "001", industry: String = "3011",
        now: Month?, p1: Month? = nil, p2: Month? = nil, p3: Month? = nil, p12: Month? = nil,
        register: RegisterEntry? = .operating, admin: AdminEntry? = nil, monthlyInvoices: Double? = nil,
        products: [Product] = []
    ) {
        self.number = number
        self.name = name ?? "测试企业\(number)有限公司"
        self.region = region
        self.industry = industry
        self.now = now
        var history: [Int: Month] = [:]
        history[1] = p1
        history[2] = p2
        history[3] = p3
        history[12] = p12
        self.history = history
        self.register = register
        self.admin = admin
        self.monthlyInvoices = monthlyInvoices
        self.products = products
    }

    var code: CreditCode { PeriodFixture.code(number) }

    /// The report `lag` periods back (0: this period).
    func report(lag: Int) -> Month? { lag == 0 ? now : history[lag] }

    /// A grid meter equal to its reported electricity and invoices equal to its
    /// sales, now and over the eleven months before: in the months it reported, those
    /// reports' figures; in the others, the same monthly amount (unless set).
    func withMatchingAdmin() -> Enterprise {
        guard let now else { return self }
        var copy = self
        copy.admin = AdminEntry(grid: now.electricity, invoiced: now.salesOrDefault)
        copy.monthlyInvoices = monthlyInvoices ?? now.salesOrDefault
        copy.adminFollowsReports = true
        return copy
    }
}

/// Builds the ``CheckContext`` of one period from a few ``Enterprise`` values,
/// so that a test reads as a statement about one enterprise.
struct PeriodFixture: Sendable {
    static let county = "510402"
    static let townA = "510402001"
    static let townB = "510402002"
    static let townC = "510402003"

    var period: Period
    var calendar: ReportingCalendar
    var enterprises: [Enterprise] = []
    /// Whether the load has an admin file (default: when any enterprise has an admin row).
    var hasAdmin: Bool?
    /// Enterprises whose report row was quarantined.
    var quarantined: Set<CreditCode> = []
    /// The figures this load revises against the period's previous load, and those earlier reloads revised.
    var revisions: [FigureRevision] = []
    var earlierRevisions: [FigureRevision] = []

    init(period: Period = Period(year: 2024, month: 6), calendar: ReportingCalendar = ReportingCalendar(), _ enterprises: [Enterprise] = []) {
        self.period = period
        self.calendar = calendar
        self.enterprises = enterprises
    }

    static func code(_ number: Int) -> CreditCode {
        try! CreditCode.parse(TestCodes.valid(number)).get()
    }

    mutating func add(_ enterprise: Enterprise) { enterprises.append(enterprise) }
    mutating func add(_ more: [Enterprise]) { enterprises += more }

    /// Every reporting enterprise gets admin figures matching its report.
    func withMatchingAdmin() -> PeriodFixture {
        var copy = self
        copy.enterprises = enterprises.map { $0.admin == nil ? $0.withMatchingAdmin() : $0 }
        copy.hasAdmin = true
        return copy
    }

    /// The history of earlier periods, answering for `needs` only: a check reading anything
    /// it did not declare stops the test (a debug-build assertion).
    func history(needs: HistoryNeeds = .everything) -> PeriodHistory {
        var reports: [Int: ColumnTable] = [:]
        for lag in PeriodHistory.reportLags {
            if let table = reportsTable(lag: lag) { reports[lag] = table }
        }
        var history = PeriodHistory(period: period, calendar: calendar, reports: reports, admin: adminHistory(), needs: needs)
        if needs.revisions || needs.isEverything { history.revisions = earlierRevisions }
        return history
    }

    var history: PeriodHistory { history() }

    var context: CheckContext { context(needs: .everything) }

    func context(needs: HistoryNeeds) -> CheckContext {
        CheckContext(
            period: period, calendar: calendar, reports: reportsTable(lag: 0)!, register: registerTable(),
            products: productsTable(), capacity: capacityTable(), admin: adminTable(), history: history(needs: needs),
            quarantinedCodes: quarantined, revisions: revisions)
    }

    /// The input files this load has.
    var available: Set<FileKind> {
        var files: Set<FileKind> = [.reports, .register]
        if adminPresent { files.insert(.admin) }
        if productsTable() != nil { files.insert(.products) }
        if capacityTable() != nil { files.insert(.capacity) }
        return files
    }

    /// Evaluates one check on its own, with default thresholds unless `settings` says otherwise,
    /// over a history that holds only what the check declares it reads.
    func evaluate(_ check: any Check.Type, _ settings: CheckSettings = CheckSettings()) -> CheckResult {
        var result = CheckResult(ruleID: check.entry.ruleID)
        check.init().evaluate(context(needs: check.history), settings, into: &result)
        return result
    }

    /// Runs the whole catalog through ``CheckRunner``, over the history the catalog declares.
    func run(_ settings: [String: CheckSettings] = [:], available: Set<FileKind>? = nil) -> CheckRun {
        let needs = CheckCatalog.history(of: Set(CheckCatalog.checks.map { $0.entry.ruleID }))
        return CheckRunner.run(
            context(needs: needs), settings: { settings[$0.rawValue] ?? CheckSettings() }, available: available ?? self.available)
    }

    // MARK: - Tables

    private var adminPresent: Bool { hasAdmin ?? enterprises.contains { $0.admin != nil } }

    static let reportNumbers: [ReportField] = [
        .grossOutput, .grossOutputYTD, .grossOutputLastYear, .grossOutputYTDLastYear, .salesOutput, .salesOutputYTD,
        .exportDelivery, .revenueYTD, .profitYTD, .electricity, .energy, .employees,
    ]

    /// The reports `lag` periods back (0: this period, possibly empty), or nil when nobody reported then.
    func reportsTable(lag: Int) -> ColumnTable? {
        let rows = enterprises.filter { $0.report(lag: lag) != nil }
        guard lag == 0 || !rows.isEmpty else { return nil }
        let reportPeriod = lag == 0 ? period : periodBack(lag)
        var numbers: [Int: [Double]] = [:]
        for field in Self.reportNumbers { numbers[field.rawValue] = [] }
        func put(_ field: ReportField, _ value: Double?) { numbers[field.rawValue]!.append(value ?? .nan) }
        for enterprise in rows {
            let month = enterprise.report(lag: lag)!
            let outputYTD = cumulative(enterprise, lag: lag, \.output, \.outputYTD)
            let salesYTD = cumulative(enterprise, lag: lag, \.salesOrDefault, \.salesYTD)
            put(.grossOutput, month.output)
            put(.grossOutputYTD, outputYTD)
            put(.grossOutputLastYear, month.outputLastYear)
            put(.grossOutputYTDLastYear, month.outputYTDLastYear)
            put(.salesOutput, month.salesOrDefault)
            put(.salesOutputYTD, salesYTD)
            put(.exportDelivery, month.export)
            put(.revenueYTD, month.revenueYTD ?? salesYTD * 1.02)
            put(.profitYTD, salesYTD * 0.05)
            put(.electricity, month.electricity)
            put(.energy, month.energy)
            put(.employees, month.employees)
        }
        return ColumnTable(
            kind: .reports, count: rows.count, creditCodes: rows.map(\.code),
            regionCodes: rows.map { RegionCode($0.region)! }, industryCodes: rows.map { IndustryCode($0.industry)! },
            numbers: numbers,
            texts: [ReportField.name.rawValue: TextColumn(rows.map(\.name)), ReportField.park.rawValue: TextColumn(rows.map { _ in "" })],
            periods: [ReportField.period.rawValue: rows.map { _ in reportPeriod }])
    }

    /// The period `lag` reporting periods back (12: the same period last year).
    func periodBack(_ lag: Int) -> Period {
        lag == 12 ? calendar.sameTimeLastYear(period) : calendar.lag(period, lag)
    }

    /// 本年累计 of the report `lag` periods back: as given, else the previous
    /// report's 累计 plus the month, else the month times the periods elapsed.
    private func cumulative(_ enterprise: Enterprise, lag: Int, _ month: KeyPath<Month, Double>, _ given: KeyPath<Month, Double?>) -> Double {
        let report = enterprise.report(lag: lag)!
        if let value = report[keyPath: given] { return value }
        let reportPeriod = lag == 0 ? period : periodBack(lag)
        if calendar.opensYear(reportPeriod) { return report[keyPath: month] }
        if lag < 3, enterprise.report(lag: lag + 1) != nil {
            return cumulative(enterprise, lag: lag + 1, month, given) + report[keyPath: month]
        }
        let elapsed = calendar.periods(from: calendar.firstPeriod(ofYear: reportPeriod.year), through: reportPeriod).count
        return report[keyPath: month] * Double(elapsed)
    }

    func registerTable() -> ColumnTable {
        let rows = enterprises.filter { $0.register != nil }
        return ColumnTable(
            kind: .register, count: rows.count, creditCodes: rows.map(\.code),
            regionCodes: rows.map { RegionCode($0.region)! }, industryCodes: rows.map { IndustryCode($0.industry)! },
            texts: [RegisterField.name.rawValue: TextColumn(rows.map(\.name)), RegisterField.park.rawValue: TextColumn(rows.map { _ in "" })],
            periods: [
                RegisterField.entered.rawValue: rows.map { $0.register!.entered },
                RegisterField.exited.rawValue: rows.map { $0.register!.exited },
            ],
            codes: [
                RegisterField.aboveScale.rawValue: rows.map { $0.register!.aboveScale ? 1 : 0 },
                RegisterField.status.rawValue: rows.map { $0.register!.status },
            ])
    }

    private func adminTable(_ rows: [Enterprise], period: Period, grid: (Enterprise) -> Double, invoiced: (Enterprise) -> Double) -> ColumnTable {
        ColumnTable(
            kind: .admin, count: rows.count, creditCodes: rows.map(\.code),
            regionCodes: rows.map { RegionCode($0.region)! }, industryCodes: rows.map { IndustryCode($0.industry)! },
            numbers: [AdminField.gridElectricity.rawValue: rows.map(grid), AdminField.invoicedSales.rawValue: rows.map(invoiced)],
            texts: [AdminField.name.rawValue: TextColumn(rows.map(\.name))],
            periods: [AdminField.period.rawValue: rows.map { _ in period }])
    }

    func adminTable() -> ColumnTable? {
        guard adminPresent else { return nil }
        return adminTable(enterprises.filter { $0.admin != nil }, period: period, grid: { $0.admin!.grid }, invoiced: { $0.admin!.invoiced })
    }

    /// Stored admin files of the reporting periods in the twelve months before
    /// this one, the same month last year included, as the store serves them (a combined
    /// 1-2月 file holds two months of invoices).
    func adminHistory() -> [Period: ColumnTable] {
        let rows = enterprises.filter { $0.monthlyInvoices != nil }
        guard !rows.isEmpty else { return [:] }
        var tables: [Period: ColumnTable] = [:]
        let stored = calendar.periods(from: period.adding(months: -12), through: period.adding(months: -1))
        for (index, earlier) in stored.enumerated() {
            let months = calendar.combinesJanuaryFebruary && earlier.month == 2 ? 2.0 : 1.0
            let listed = rows.filter { $0.invoiceMonths.map { stored.count - index <= $0 } ?? true }
            let reported = { (e: Enterprise) -> Month? in
                guard e.adminFollowsReports else { return nil }
                return PeriodHistory.reportLags.first { self.periodBack($0) == earlier }.flatMap { e.report(lag: $0) }
            }
            let stopped = rows.filter { $0.invoicesStoppedMonths.map { stored.count - index <= $0 } ?? false }.map(\.number)
            tables[earlier] = adminTable(
                listed, period: earlier,
                grid: { e in reported(e).map { $0.grid ?? $0.electricity } ?? e.admin?.grid ?? e.now?.electricity ?? 0 },
                invoiced: { e in
                    if stopped.contains(e.number) { return 0 }
                    return reported(e).map { $0.invoiced ?? $0.salesOrDefault } ?? e.monthlyInvoices! * months
                })
        }
        return tables
    }

    func productsTable() -> ColumnTable? {
        let lines = enterprises.flatMap { e in e.products.map { (e.code, $0) } }
        guard !lines.isEmpty else { return nil }
        return ColumnTable(
            kind: .products, count: lines.count, creditCodes: lines.map(\.0),
            numbers: [ProductField.output.rawValue: lines.map(\.1.output), ProductField.outputYTD.rawValue: lines.map(\.1.outputYTD)],
            texts: [
                ProductField.productCode.rawValue: TextColumn(lines.map(\.1.code)),
                ProductField.productName.rawValue: TextColumn(lines.map(\.1.name)),
                ProductField.unit.rawValue: TextColumn(lines.map(\.1.unit)),
            ],
            periods: [ProductField.period.rawValue: lines.map { _ in period }])
    }

    func capacityTable() -> ColumnTable? {
        let lines = enterprises.flatMap { e in e.products.compactMap { p in p.annualCapacity.map { _ in (e.code, p) } } }
        guard !lines.isEmpty else { return nil }
        return ColumnTable(
            kind: .capacity, count: lines.count, creditCodes: lines.map(\.0),
            numbers: [CapacityField.annualCapacity.rawValue: lines.map { $0.1.annualCapacity! }],
            texts: [
                CapacityField.productCode.rawValue: TextColumn(lines.map(\.1.code)),
                CapacityField.productName.rawValue: TextColumn(lines.map(\.1.name)),
                CapacityField.unit.rawValue: TextColumn(lines.map { $0.1.capacityUnit ?? $0.1.unit }),
            ])
    }
}
