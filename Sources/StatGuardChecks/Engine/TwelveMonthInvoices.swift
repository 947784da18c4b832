import StatGuardCore

/// Invoiced sales (增值税开票销售额) over the twelve months up to this period,
/// for the enterprises of the admin data and the register: the 规上 threshold
/// test of U02 and O09. Computed once per period in ``CheckContext``.
///
/// Sums this period's admin data and the stored admin data of the eleven
/// months before it. A combined 1-2月 file covers two months. Two annual figures:
/// ``annualised(_:minimumMonths:)`` over the months the enterprise *itself* is listed in
/// (a young 规上 firm is judged on its months: O09), and ``twelveMonths(_:minimumMonths:)`` over the
/// months the store holds (the admin data covers every enterprise of the area, so a month
/// without its row is a month with no invoices: U02's "last twelve months"). And
/// ``recentAnnualised(_:)``: what it invoiced in the last three months, at a year's rate.
public struct TwelveMonthInvoices: Sendable {
    private let index: CreditCodeIndex
    private let sums: [Double]
    private let months: [Int]
    private let recent: [Double]
    /// Months the stored and current admin files cover, this period's included.
    public let monthsStored: Int
    /// Months the files of the last three months cover (a 1-2月 file can make it four).
    private let recentMonths: Int

    init(codes: [CreditCode], calendar: ReportingCalendar, period: Period, admin: ColumnTable?, history: [Period: ColumnTable]) {
        index = CreditCodeIndex(codes)
        var sums = [Double](repeating: 0, count: codes.count)
        var months = [Int](repeating: 0, count: codes.count)
        var lastCounted = [Int](repeating: -1, count: codes.count)
        var recent = [Double](repeating: 0, count: codes.count)
        var stored = 0, recentStored = 0
        let recentFrom = period.adding(months: -3)
        // Oldest month first: a sum in the dictionary's (per-process) order would differ in its last bits from run to run.
        let tables: [(Period, ColumnTable)] = history
            .filter { $0.key > period.adding(months: -12) && $0.key < period }
            .sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) } + (admin.map { [(period, $0)] } ?? [])
        // The index lookups, most of the work, month by month on every core; the sums after, oldest month first.
        let codeIndex = index  // a copy the closure can take before `self` is whole
        let alignments = Parallel.map(tables.count) { codeIndex.rows(of: tables[$0].1.creditCodes) }
        for (number, (month, table)) in tables.enumerated() {
            let covered = calendar.combinesJanuaryFebruary && month.month == 2 ? 2 : 1
            stored += covered
            let isRecent = month > recentFrom
            if isRecent { recentStored += covered }
            let invoiced = table[AdminField.invoicedSales]
            for (row, i) in alignments[number].lazy.map(Int.init).enumerated() {
                guard i >= 0, !invoiced[row].isNaN else { continue }
                sums[i] += invoiced[row]
                if isRecent { recent[i] += invoiced[row] }
                if lastCounted[i] != number {
                    lastCounted[i] = number
                    months[i] += covered
                }
            }
        }
        self.sums = sums
        self.months = months
        self.recent = recent
        monthsStored = stored
        recentMonths = recentStored
    }

    /// The enterprise's invoiced sales over the months stored, scaled to twelve when fewer are
    /// stored (the store's first year), or NaN when fewer than `minimumMonths` are stored.
    public func twelveMonths(_ code: CreditCode, minimumMonths: Int) -> Double {
        let i = Int(index.row(of: code))
        guard i >= 0, monthsStored >= minimumMonths else { return .nan }
        return sums[i] * 12 / Double(min(12, monthsStored))
    }

    /// The enterprise's invoiced sales in the files of the last three months (this period and the two
    /// calendar months before), at a year's rate; NaN when none of those files is loaded.
    public func recentAnnualised(_ code: CreditCode) -> Double {
        guard recentMonths > 0 else { return .nan }
        let i = Int(index.row(of: code))
        return i < 0 ? 0 : recent[i] * 12 / Double(recentMonths)
    }

    /// The enterprise's invoiced sales annualised, or NaN when listed in fewer than `minimumMonths` months.
    public func annualised(_ code: CreditCode, minimumMonths: Int) -> Double {
        let i = Int(index.row(of: code))
        guard i >= 0, months[i] >= minimumMonths else { return .nan }
        return sums[i] * 12 / Double(months[i])
    }

    /// Months the enterprise is listed in.
    public func months(_ code: CreditCode) -> Int {
        let i = Int(index.row(of: code))
        return i < 0 ? 0 : months[i]
    }
}
