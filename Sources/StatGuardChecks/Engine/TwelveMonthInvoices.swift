import StatGuardCore
import StatGuardIngest

/// Invoiced sales (增值税开票销售额) over the twelve months up to this period,
/// annualised, for a set of enterprises: the 规上 threshold test of U02 and O09.
///
/// Sums this period's admin data and the stored admin data of the eleven
/// months before it. A combined 1-2月 file covers two months. The sum is scaled
/// to twelve months; enterprises with fewer than `minimumMonths` covered are
/// not evaluated.
struct TwelveMonthInvoices {
    /// Annualised invoiced sales per requested code (NaN when not evaluable).
    var annualised: [Double]
    /// Months covered by the available admin files.
    var monthsCovered: Int

    init(codes: [CreditCode], context: CheckContext, minimumMonths: Int) {
        var index: [CreditCode: Int] = [:]
        index.reserveCapacity(codes.count)
        for (i, code) in codes.enumerated() { index[code] = i }
        var sums = [Double](repeating: 0, count: codes.count)
        var tables: [(Period, ColumnTable)] = context.history.admin
            .filter { $0.key > context.period.adding(months: -12) }
            .map { ($0.key, $0.value) }
        if let admin = context.admin { tables.append((context.period, admin)) }
        var months = 0
        for (period, table) in tables {
            months += context.calendar.combinesJanuaryFebruary && period.month == 2 ? 2 : 1
            let invoiced = table[AdminField.invoicedSales]
            for (row, code) in table.creditCodes.enumerated() {
                if let i = index[code], !invoiced[row].isNaN { sums[i] += invoiced[row] }
            }
        }
        monthsCovered = months
        annualised = months >= minimumMonths ? sums.map { $0 * 12 / Double(months) } : Array(repeating: .nan, count: codes.count)
    }
}
