/// What the simulation carries from one period to the next, per enterprise:
/// 本年累计 accumulators (of what was reported, as the enterprise's books hold
/// them) and the gross output it reported in each of the last twelve months.
struct ReportState {
    let count: Int
    var grossYTD: [Double]
    var salesYTD: [Double]
    var revenueYTD: [Double]
    var profitYTD: [Double]
    var quantity0YTD: [Double]
    var quantity1YTD: [Double]
    /// Written gross output and its 累计, slot `e * 12 + month`; NaN when no report was written.
    private var reportedGross: [Double]
    private var reportedGrossYTD: [Double]

    init(count: Int) {
        self.count = count
        grossYTD = Array(repeating: 0, count: count)
        salesYTD = grossYTD
        revenueYTD = grossYTD
        profitYTD = grossYTD
        quantity0YTD = grossYTD
        quantity1YTD = grossYTD
        reportedGross = Array(repeating: .nan, count: count * 12)
        reportedGrossYTD = reportedGross
    }

    /// Starts a new year: every 累计 back to zero.
    mutating func openYear() {
        for i in 0..<count {
            grossYTD[i] = 0
            salesYTD[i] = 0
            revenueYTD[i] = 0
            profitYTD[i] = 0
            quantity0YTD[i] = 0
            quantity1YTD[i] = 0
        }
    }

    /// Adds a month the enterprise's books count (reported or not).
    @inline(__always)
    mutating func add(_ e: Int, _ x: Figures, grossOffset: Double) {
        grossYTD[e] += x.gross + grossOffset
        salesYTD[e] += x.sales
        revenueYTD[e] += x.revenue
        profitYTD[e] += x.profit
        quantity0YTD[e] += x.quantity0
        quantity1YTD[e] += x.quantity1
    }

    /// What the enterprise reported twelve months before `period` (gross, 累计), NaN when nothing.
    @inline(__always)
    func lastYear(_ e: Int, _ period: Int32) -> (gross: Double, ytd: Double) {
        let slot = e * 12 + Int(period % 12)
        return (reportedGross[slot], reportedGrossYTD[slot])
    }

    /// Records what was written for `period` (NaN, NaN when no report), replacing last year's.
    @inline(__always)
    mutating func record(_ e: Int, _ period: Int32, gross: Double, ytd: Double) {
        let slot = e * 12 + Int(period % 12)
        reportedGross[slot] = gross
        reportedGrossYTD[slot] = ytd
    }
}
