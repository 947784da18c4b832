import StatGuardCore

/// One measure of one summary row.
public struct MeasureFigures: Sendable, Equatable {
    /// Sum over the group's loaded rows (nil when no row has the figure).
    public var total: Double?
    /// 同比 on a comparable basis: enterprises with a base in both periods, the base
    /// being their reported 上年同期 where they give one, else the store's figure a year ago.
    public var growth: Double?
    /// The same growth on the store's figures a year ago only.
    public var storeGrowth: Double?
    /// 拉动: the group's contribution to the area's comparable growth, in percentage points.
    public var contribution: Double?
    /// 占比: the group's share of the area total.
    public var share: Double?

    public init(total: Double? = nil, growth: Double? = nil, storeGrowth: Double? = nil, contribution: Double? = nil, share: Double? = nil) {
        self.total = total
        self.growth = growth
        self.storeGrowth = storeGrowth
        self.contribution = contribution
        self.share = share
    }
}

/// A line of the summary: one group (the area, a county, a class…) in one view.
public struct SummaryRow: Sendable, Equatable {
    public var view: SummaryView
    public var breakdown: Breakdown
    public var code: String
    public var name: String
    public var enterprises: Int
    /// Figures per measure, indexed by ``Measure/rawValue``.
    public var measures: [MeasureFigures]
    /// 亏损企业数 (本年累计 view only: profit is cumulative).
    public var lossMaking: Int?
    /// Reporting rate counts (area, county and town rows only).
    public var reportingDue: Int?
    public var reportingReported: Int?

    public init(
        view: SummaryView, breakdown: Breakdown, code: String, name: String, enterprises: Int, measures: [MeasureFigures],
        lossMaking: Int? = nil, reportingDue: Int? = nil, reportingReported: Int? = nil
    ) {
        self.view = view
        self.breakdown = breakdown
        self.code = code
        self.name = name
        self.enterprises = enterprises
        self.measures = measures
        self.lossMaking = lossMaking
        self.reportingDue = reportingDue
        self.reportingReported = reportingReported
    }

    public subscript(measure: Measure) -> MeasureFigures { measures[measure.rawValue] }

    /// 产销率: sales output / gross output.
    public var salesRatio: Double? {
        guard let sales = self[.salesOutput].total, let output = self[.grossOutput].total, output > 0 else { return nil }
        return sales / output
    }

    /// 亏损面: loss-making share of the enterprises.
    public var lossShare: Double? {
        guard let lossMaking, enterprises > 0 else { return nil }
        return Double(lossMaking) / Double(enterprises)
    }

    /// 报送率.
    public var reportingRate: Double? {
        guard let due = reportingDue, let reported = reportingReported, due > 0 else { return nil }
        return Double(reported) / Double(due)
    }
}

/// 产能利用率 of one product over the area.
public struct ProductUtilisation: Sendable, Equatable {
    public var productCode: String
    public var productName: String
    public var unit: String
    public var enterprises: Int
    public var output: Double
    public var outputYTD: Double
    /// Design capacity pro-rated to the period (1-2月: two months).
    public var capacityForPeriod: Double
    /// Design capacity pro-rated to the months of the year so far.
    public var capacityForYTD: Double

    public var utilisation: Double? { capacityForPeriod > 0 ? output / capacityForPeriod : nil }
    public var utilisationYTD: Double? { capacityForYTD > 0 ? outputYTD / capacityForYTD : nil }
}

/// The periodic summary (汇总表) of one period.
public struct PeriodSummary: Sendable, Equatable {
    public var period: Period
    /// `2024年3月`, or `2024年1-2月`.
    public var monthLabel: String
    /// `2024年1-3月（一季度）`.
    public var cumulativeLabel: String
    public var rows: [SummaryRow]
    public var products: [ProductUtilisation]

    public init(period: Period, monthLabel: String, cumulativeLabel: String, rows: [SummaryRow], products: [ProductUtilisation] = []) {
        self.period = period
        self.monthLabel = monthLabel
        self.cumulativeLabel = cumulativeLabel
        self.rows = rows
        self.products = products
    }
}

extension ReportingCalendar {
    /// The 本年累计 span as users name it: `2024年1-3月（一季度）`, `2024年1-6月（上半年）`.
    public func cumulativeName(_ period: Period) -> String {
        let span = "\(period.year)年\(cumulativeLabel(period))"
        switch period.month {
        case 3: return span + "（一季度）"
        case 6: return span + "（上半年）"
        case 9: return span + "（前三季度）"
        case 12: return span + "（全年）"
        default: return span
        }
    }
}
