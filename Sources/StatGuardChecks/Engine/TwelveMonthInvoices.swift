import StatGuardCore

/// Invoiced sales (增值税开票销售额) over the twelve months up to this period,
/// for the enterprises of the admin data and the register: the 规上 threshold
/// test of U02 and O09. Computed once per period in ``CheckContext``.
///
/// Sums this period's admin data and the stored admin data of the eleven
/// months before it. A combined 1-2月 file covers two months. Each enterprise's
/// sum is annualised over the months *it* is listed in (the admin data covers
/// every enterprise of the area, so a month without its row is a month before it
/// existed); an enterprise listed in fewer months than a check asks for is not
/// evaluated by it.
public struct TwelveMonthInvoices: Sendable {
    private let index: CreditCodeIndex
    private let sums: [Double]
    private let months: [Int]

    init(codes: [CreditCode], calendar: ReportingCalendar, period: Period, admin: ColumnTable?, history: [Period: ColumnTable]) {
        index = CreditCodeIndex(codes)
        var sums = [Double](repeating: 0, count: codes.count)
        var months = [Int](repeating: 0, count: codes.count)
        var lastCounted = [Int](repeating: -1, count: codes.count)
        // Oldest month first: a sum in the dictionary's (per-process) order would differ in its last bits from run to run.
        var tables: [(Period, ColumnTable)] = history
            .filter { $0.key > period.adding(months: -12) && $0.key < period }
            .sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
        if let admin { tables.append((period, admin)) }
        for (number, (month, table)) in tables.enumerated() {
            let covered = calendar.combinesJanuaryFebruary && month.month == 2 ? 2 : 1
            let invoiced = table[AdminField.invoicedSales]
            for (row, code) in table.creditCodes.enumerated() {
                let i = Int(index.row(of: code))
                guard i >= 0, !invoiced[row].isNaN else { continue }
                sums[i] += invoiced[row]
                if lastCounted[i] != number {
                    lastCounted[i] = number
                    months[i] += covered
                }
            }
        }
        self.sums = sums
        self.months = months
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
