import StatGuardCore
import StatGuardIngest

/// Invoiced sales (增值税开票销售额) over the twelve months up to this period,
/// annualised, for a set of enterprises: the 规上 threshold test of U02 and O09.
///
/// Sums this period's admin data and the stored admin data of the eleven
/// months before it. A combined 1-2月 file covers two months. Each enterprise's
/// sum is scaled to twelve months over the months *it* is listed in (the admin
/// data covers every enterprise of the area, so a month without its row is a
/// month before it existed); enterprises listed in fewer than `minimumMonths`
/// months are not evaluated (NaN).
struct TwelveMonthInvoices {
    /// Annualised invoiced sales per requested code (NaN when not evaluable).
    var annualised: [Double]
    /// Months covered by the admin rows of each requested code.
    var months: [Int]

    init(codes: [CreditCode], context: CheckContext, minimumMonths: Int) {
        var index: [CreditCode: Int] = [:]
        index.reserveCapacity(codes.count)
        for (i, code) in codes.enumerated() { index[code] = i }
        var sums = [Double](repeating: 0, count: codes.count)
        var months = [Int](repeating: 0, count: codes.count)
        var tables: [(Period, ColumnTable)] = context.history.admin
            .filter { $0.key > context.period.adding(months: -12) && $0.key < context.period }
            .map { ($0.key, $0.value) }
        if let admin = context.admin { tables.append((context.period, admin)) }
        for (period, table) in tables {
            let covered = context.calendar.combinesJanuaryFebruary && period.month == 2 ? 2 : 1
            let invoiced = table[AdminField.invoicedSales]
            var seen = Set<Int>()
            for (row, code) in table.creditCodes.enumerated() {
                guard let i = index[code], !invoiced[row].isNaN else { continue }
                sums[i] += invoiced[row]
                if seen.insert(i).inserted { months[i] += covered }
            }
        }
        self.months = months
        annualised = codes.indices.map { i in months[i] >= minimumMonths ? sums[i] * 12 / Double(months[i]) : .nan }
    }
}
