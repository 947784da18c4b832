import StatGuardCore

/// Electricity-implied output (DOMAIN.md), shared by O01 and U03.
///
/// expected_i = x_i(t−12) × (e_i(t) / e_i(t−12)) × m_k, where m_k is the median
/// over industry class k of [x(t)/x(t−12)] / [e(t)/e(t−12)]: the class's price
/// and efficiency drift, so a class-wide price boom moves every expectation and
/// flags no one. Classes with fewer than `minimumPeers` usable members take the
/// median over all classes. A unit is usable when its output a year ago is at
/// least `minimumOutput`, both electricity figures at least `minimumElectricity`,
/// and its output now is not zero: zero output is U05's question, which weighs
/// the electricity against the enterprise's typical use (standby power of a
/// stopped plant is not output withheld).
struct ElectricityImpliedOutput {
    /// What it reads: a year ago, and the own baselines of output per kWh and of electricity O01 and U03 judge on.
    static let history: HistoryNeeds = HistoryNeeds.reports(["gross_output", "electricity"], lags: [12])
        .union(EnterpriseBaseline.Ratio.history(of: baselines))
    /// The baselines O01 and U03 judge on.
    static let baselines: [EnterpriseBaseline.Ratio] = [.outputPerElectricity, .electricity, .salesPerOutput]

    /// x(t) / expected per report row; NaN where not evaluable.
    var ratio: [Double]
    var expected: [Double]
    /// The drift m_k used for each row.
    var drift: [Double]
    /// Why a row is not evaluable (nil when it is).
    var skipReason: [String?]

    init(_ context: CheckContext, minimumOutput: Double, minimumElectricity: Double, minimumPeers: Int) {
        let n = context.reports.count
        let x = context.current(.grossOutput)
        let e = context.current(.electricity)
        let x12 = context.lagged(.grossOutput, 12)
        let e12 = context.lagged(.electricity, 12)
        var skip = [String?](repeating: nil, count: n)
        var unitDrift = [Double](repeating: .nan, count: n)
        for row in 0..<n {
            if context.lagRows[12]![row] < 0 { skip[row] = "no report a year ago"; continue }
            if !(x12[row] >= minimumOutput) { skip[row] = "output a year ago too small"; continue }
            if !(e12[row] >= minimumElectricity) || !(e[row] >= minimumElectricity) { skip[row] = "electricity too small"; continue }
            if x[row] == 0 { skip[row] = "zero output (U05 judges it)"; continue }
            unitDrift[row] = (x[row] / x12[row]) / (e[row] / e12[row])
        }
        let overall = median(unitDrift.filter { !$0.isNaN && $0 > 0 })
        var classDrift: [IndustryCode: Double] = [:]
        for (code, rows) in context.rowsByClass {
            let values = rows.map { unitDrift[$0] }.filter { !$0.isNaN && $0 > 0 }
            classDrift[code] = values.count >= minimumPeers ? median(values) : overall
        }
        var expected = [Double](repeating: .nan, count: n)
        var ratio = [Double](repeating: .nan, count: n)
        var drift = [Double](repeating: .nan, count: n)
        for row in 0..<n where skip[row] == nil {
            let m = classDrift[context.reports.industryCodes[row]] ?? overall
            drift[row] = m
            expected[row] = x12[row] * (e[row] / e12[row]) * m
            ratio[row] = x[row] / expected[row]
        }
        self.ratio = ratio
        self.expected = expected
        self.drift = drift
        skipReason = skip
    }
}
