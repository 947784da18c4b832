import StatGuardCore

/// An enterprise's own robust level and spread of a ratio that ties two of its figures
/// together, from its earlier periods, and how far this period departs from that level
/// beyond what its industry class shared.
///
/// For report row i and the earlier periods l ∈ {1, 2, 3, 12} (``lags``) where both figures
/// are positive: level_i = median of r_i(l), the same period last year counted twice (seasonality
/// is strong, and it lies before any recent run of anomalous months), each point brought to this
/// period's class level (times its class's median r(t) / r(t − l), so a class's price trend or boom
/// neither tilts the level nor widens the spread); spread_i = 1.4826 × median
/// |r_i(l) / level_i − 1| over the same points, a relative spread, then pulled halfway (in variance)
/// to its class's typical spread, since four or five points say little of one (a noisy-looking
/// history hid a 27% over-report; a perfectly steady one made every wobble news); own_i = r_i(t) / level_i. For the
/// ratios that tie a figure to another record (``Ratio/setsRunsAside``), when
/// the recent points (at least two of lags 1, 2, 3) all lie beyond ``runFactor`` of that year-ago
/// point on one side, and the plant ran alike then (``ranAlike(_:_:)``), they are a run (three months of inflation) and no yardstick:
/// the level is the year-ago point alone and the spread 0, so the checks' own floors apply (the
/// run's months say nothing of the enterprise's noise). The class shift m_k is the
/// median of own over class k's rows with a baseline (at least `minimumPeers`, else over
/// all rows): what the class shared (prices, season, a 1-2月 double month). The departure
/// d_i = own_i / m_k is what the enterprise did on its own; checks fire on it, so a
/// departure from its own history that its class did not share. Computed once per period
/// in ``CheckContext`` and shared by the checks, which floor the spread with their own
/// parameter (four points understate it, and a perfectly steady history must not make
/// every wobble news).
///
/// Rows with fewer than ``minimumPoints`` earlier values have no baseline (NaN): their
/// checks fall back to class-only tests and count them in quality.md.
///
/// History: the store serves reports 1, 2, 3 and 12 periods back and twelve months of admin
/// data, so the level is a median of at most four points, not of the last twelve reports: a
/// national month would otherwise read and align eight more report periods (see the README,
/// "Detection quality"). With lag 12 counted twice, a run of two anomalous months before this one
/// leaves the level clean, and a run of three is set aside; ``yearAgo`` compares with the same
/// period last year alone, and the checks ask the two views to agree
/// (``departsUp(_:bound:agreement:)``), so the month after a run is not news.
///
/// - Complexity: O(n) over the report rows plus a sort per class for the class shift; no
///   allocation per row.
public struct EnterpriseBaseline: Sendable {
    /// The ratios an enterprise's figures keep month to month, and two plain levels.
    public enum Ratio: String, CaseIterable, Sendable {
        /// Gross output / reported electricity.
        case outputPerElectricity = "output/electricity"
        /// Sales output / VAT invoiced sales (admin).
        case salesPerInvoice = "sales/invoiced sales"
        /// Reported electricity / the grid's meter (admin).
        case electricityPerGrid = "electricity/grid"
        /// Gross output / employees.
        case outputPerEmployee = "output/employees"
        /// Sales output / gross output (产销率).
        case salesPerOutput = "sales/output"
        /// Reported electricity alone: whether the plant itself ran differently (a shutdown, a restart).
        case electricity
        /// Gross output alone.
        case output

        /// Whether a run of recent months away from the year-ago point is set aside (``EnterpriseBaseline/runFactor``):
        /// for the ratios that tie a figure to another record of the same activity, which a real change of the plant
        /// moves little. Plain levels and output per employee step for good with a new line.
        var setsRunsAside: Bool { self == .outputPerElectricity || self == .salesPerInvoice || self == .electricityPerGrid }

        /// The two figures, numerator and denominator (nil: the figure alone).
        var figures: (Figure, Figure?) {
            switch self {
            case .outputPerElectricity: (.report(.grossOutput), .report(.electricity))
            case .salesPerInvoice: (.report(.salesOutput), .admin(.invoicedSales))
            case .electricityPerGrid: (.report(.electricity), .admin(.gridElectricity))
            case .outputPerEmployee: (.report(.grossOutput), .report(.employees))
            case .salesPerOutput: (.report(.salesOutput), .report(.grossOutput))
            case .electricity: (.report(.electricity), nil)
            case .output: (.report(.grossOutput), nil)
            }
        }

        /// The history of several baselines together.
        public static func history(of ratios: [Ratio]) -> HistoryNeeds {
            ratios.reduce(HistoryNeeds.none) { $0.union($1.history) }
        }

        /// The history the ratio reads: its report fields at ``lags``, its admin fields.
        public var history: HistoryNeeds {
            let (a, b) = figures
            return [a, b].compactMap { $0 }.reduce(HistoryNeeds.none) { needs, figure in
                switch figure {
                case .report(let field): needs.union(.reports([field.spec.name], lags: EnterpriseBaseline.lags))
                case .admin(let field): needs.union(.admin([field.spec.name]))
                }
            }
        }
    }

    /// A figure of the enterprise: from its report or from the admin data of the same period.
    enum Figure {
        case report(ReportField)
        case admin(AdminField)
    }

    /// The earlier periods a baseline is drawn from: the lags the store serves.
    public static let lags = [1, 2, 3, 12]
    /// Earlier values needed for a baseline.
    public static let minimumPoints = 2
    /// Rows with a baseline a class needs for a shift of its own.
    public static let minimumPeers = 5
    /// How far beyond the year-ago point, on one side, all recent points must lie to be a run rather than a level.
    public static let runFactor = 1.3

    public let ratio: Ratio
    /// The median of the earlier ratios, the same period last year counted twice (NaN without a baseline).
    public let level: RatioColumn
    /// The relative spread of the earlier ratios around the level, pulled halfway to its class's typical spread (checks
    /// floor it: ``upperBound(_:least:z:floor:)``).
    public let spread: RatioColumn
    /// now / level / the class's shift: the departure the class did not share (NaN without a baseline).
    public let departure: RatioColumn
    /// now / the ratio a year ago / the class's shift on that: the same departure against the same period
    /// last year alone (NaN without one), which a run of anomalous recent months cannot contaminate.
    public let yearAgo: RatioColumn
    /// Rows with a baseline, and rows with this period's ratio but too little history for one.
    public let withBaseline: Int
    public let withoutBaseline: Int

    /// The baseline of `ratio` over `context`'s report rows.
    init(_ ratio: Ratio, _ context: CheckContext) {
        self.ratio = ratio
        let n = context.reports.count
        let (top, bottom) = ratio.figures
        // Columns read in place through their row alignments: no gathered copy per lag.
        let lags = [0] + Self.lags
        let tops = lags.map { FigureColumn(top, lag: $0, context) }
        let bottoms = bottom.map { figure in lags.map { FigureColumn(figure, lag: $0, context) } }
        @inline(__always) func value(_ l: Int, _ row: Int) -> Double {
            let a = tops[l][row]
            guard a > 0 else { return .nan }
            guard let bottoms else { return a }
            let b = bottoms[l][row]
            return b > 0 ? a / b : .nan
        }
        var level = [Double](repeating: .nan, count: n)
        var spread = level, own = level, own12 = level
        var isRun = [Bool](repeating: false, count: n)
        var withBaseline = 0, withoutBaseline = 0
        // What the class shared since each earlier period, per row: every point of a ratio is brought to this period's class
        // level, so a class's price trend or boom neither widens its members' spreads nor tilts their levels. A plain level
        // (electricity, output) only from a year ago: month to month, its class's medians carry every member's 1-2月 and
        // seasonal swings, which a plant's own recent months describe better.
        var change = level
        let shifts = (1...Self.lags.count).map { l -> [Double]? in
            guard bottom != nil || l == Self.lags.count else { return nil }
            for row in 0..<n {
                let (r, x) = (value(0, row), value(l, row))
                change[row] = r.isNaN || x.isNaN ? .nan : r / x
            }
            if l == Self.lags.count { own12 = change }
            return Self.classShift(of: change, context)
        }
        @inline(__always) func shifted(_ l: Int, _ row: Int) -> Double { value(l, row) * (shifts[l - 1]?[row] ?? 1) }
        for row in 0..<n {
            let r = value(0, row)
            let (a, b, c, d) = (shifted(1, row), shifted(2, row), shifted(3, row), shifted(4, row))
            let points = (a.isNaN ? 0 : 1) + (b.isNaN ? 0 : 1) + (c.isNaN ? 0 : 1) + (d.isNaN ? 0 : 1)
            guard points >= Self.minimumPoints else {
                if !r.isNaN { withoutBaseline += 1 }
                continue
            }
            if ratio.setsRunsAside, let bottoms, Self.ranAlike(bottoms[0][row], bottoms[4][row]), Self.ranAlike(bottoms[1][row], bottoms[4][row]),
               Self.isRun(a, b, c, from: d) {
                isRun[row] = true
                level[row] = d
                spread[row] = 0
            } else {
                // The same period last year counts twice: seasonality is strong, and it lies before any recent run.
                let m = finiteMedian(a, b, c, d, d)
                level[row] = m
                spread[row] = 1.4826 * finiteMedian(abs(a / m - 1), abs(b / m - 1), abs(c / m - 1), abs(d / m - 1), abs(d / m - 1))
            }
            let m = level[row]
            if !r.isNaN {
                own[row] = r / m
                withBaseline += 1
            }
        }
        Self.removeClassShift(&own, context)
        if let yearShift = shifts[3] { for row in 0..<n where !own12[row].isNaN { own12[row] /= yearShift[row] } }
        // Four or five points say little of a spread: each is pulled halfway (in variance) to its class's typical spread
        // (the median of its members' spreads above 0). A run's spread stays 0: the checks' own floors judge it.
        if spread.contains(where: { $0 > 0 }) {
            let typical = Self.classShift(of: spread.map { $0 > 0 ? $0 : .nan }, context)
            for row in 0..<n where spread[row] >= 0 && !isRun[row] {
                spread[row] = ((spread[row] * spread[row] + typical[row] * typical[row]) / 2).squareRoot()
            }
        }
        departure = RatioColumn(own)
        yearAgo = RatioColumn(own12)
        self.level = RatioColumn(level)
        self.spread = RatioColumn(spread)
        self.withBaseline = withBaseline
        self.withoutBaseline = withoutBaseline
    }

    /// One figure of the report rows at one lag, read through the row alignment without copying.
    struct FigureColumn {
        let values: [Double]
        /// The row of each report row in `values` (−1: none); nil when `values` are the report rows' own.
        let rows: [Int32]?

        init(_ figure: Figure, lag: Int, _ context: CheckContext) {
            switch figure {
            case .report(let field) where lag == 0:
                (values, rows) = (context.current(field), nil)
            case .report(let field):
                assert(context.history.needs.provides(field.spec.name, lag: lag), "\(field.spec.name) \(lag) periods back was read but not declared")
                let table = context.history.reports[lag]
                (values, rows) = (table?[field] ?? [], table == nil ? [] : context.lagRows[lag]!)
            case .admin(let field) where lag == 0:
                (values, rows) = (context.admin?[field] ?? [], context.admin == nil ? [] : context.adminRows)
            case .admin(let field):
                assert(context.history.needs.providesAdmin(field.spec.name), "admin \(field.spec.name) was read but not declared")
                let table = context.history.admin[context.history.period(lag: lag)]
                let aligned = context.adminLagRows[lag]
                (values, rows) = (aligned == nil ? [] : table?[field] ?? [], aligned ?? [])
            }
        }

        @inline(__always) subscript(row: Int) -> Double {
            guard let rows else { return values[row] }
            guard row < rows.count, !values.isEmpty else { return .nan }
            let r = rows[row]
            return r < 0 ? .nan : values[Int(r)]
        }
    }

    /// Whether the activity record under a ratio (its denominator: electricity, invoices, the meter) in one month and a
    /// year ago lie within 1.5× of each other. The year-ago point stands in for a level only when the plant ran alike
    /// then as now and last month: a shutdown a year ago, now or last month says nothing of a run.
    static func ranAlike(_ now: Double, _ yearAgo: Double) -> Bool {
        now > 0 && yearAgo > 0 && now < yearAgo * 1.5 && yearAgo < now * 1.5
    }

    /// Whether the recent points `a`, `b`, `c` (NaN: not reported) are a run away from the year-ago point `d`: at least
    /// two of them, all beyond ``runFactor`` of it on the same side.
    static func isRun(_ a: Double, _ b: Double, _ c: Double, from d: Double) -> Bool {
        guard d > 0 else { return false }
        var above = 0, below = 0, points = 0
        func count(_ x: Double) {
            guard !x.isNaN else { return }
            points += 1
            if x > d * runFactor { above += 1 } else if x * runFactor < d { below += 1 }
        }
        count(a)
        count(b)
        count(c)
        return points >= 2 && (above == points || below == points)
    }

    /// Divides `values` in place by their class's median (``classShift(of:_:)``); for logs (`logs`), subtracts it.
    static func removeClassShift(_ values: inout [Double], _ context: CheckContext, logs: Bool = false) {
        let shift = classShift(of: values, context, logs: logs)
        for row in values.indices where !values[row].isNaN {
            if logs { values[row] -= shift[row] } else { values[row] /= shift[row] }
        }
    }

    /// Per row, the median of `values` over its class (at least ``minimumPeers`` values, else the median over all
    /// rows): what the class shared. NaN values do not count; without any value, 1 (0 for logs).
    static func classShift(of values: [Double], _ context: CheckContext, logs: Bool = false) -> [Double] {
        // Every row is in one class, so each gets its class's median or, in a class with too few values, the overall
        // one, which is computed only when such a class exists (a national month's classes rarely need it).
        var shift = [Double](repeating: .nan, count: values.count)
        var scratch: [Double] = []
        scratch.reserveCapacity(1024)
        var fewPeers: [[Int]] = []
        for (_, rows) in context.rowsByClass {
            scratch.removeAll(keepingCapacity: true)
            for row in rows where !values[row].isNaN { scratch.append(values[row]) }
            guard scratch.count >= minimumPeers else {
                fewPeers.append(rows)
                continue
            }
            let median = medianInPlace(&scratch)
            for row in rows { shift[row] = median }
        }
        guard !fewPeers.isEmpty else { return shift }
        var all = values.filter { !$0.isNaN }
        let overall = all.isEmpty ? (logs ? 0 : 1) : medianInPlace(&all)
        for rows in fewPeers {
            for row in rows { shift[row] = overall }
        }
        return shift
    }

    /// Whether row `row` departs upward: one view of its history passes its bound and the other agrees
    /// beyond `agreement` — its level (bound `bound`) and the same period last year (a single point, so
    /// a bound whose excess over 1 is half as large again, ``unconfirmedWidening``), both net of its
    /// class. Without a figure a year ago, the level must pass that wider bound alone. Agreement keeps
    /// the month after a run of anomalous months (whose level the run raised, while a year ago was
    /// ordinary) quiet; either view may lead, so the third month of a run (its level half raised) is
    /// still seen against last year.
    @inline(__always)
    public func departsUp(_ row: Int, bound: Double, agreement: Double, yearComparable: Bool = true) -> Bool {
        let (level, year) = (departure[row], yearComparable ? yearAgo[row] : .nan)
        let wide = 1 + (bound - 1) * Self.unconfirmedWidening
        if year.isNaN { return level > wide }
        return (level > bound && year > agreement) || (year > wide && level > agreement)
    }

    /// Whether row `row` departs upward beyond `bound` in both views, its level and the same period last
    /// year (without a year ago, the level by half as much again): the test of a corroborating ratio.
    @inline(__always)
    public func departsUpInBoth(_ row: Int, bound: Double, yearComparable: Bool = true) -> Bool {
        let (level, year) = (departure[row], yearComparable ? yearAgo[row] : .nan)
        return year.isNaN ? level > 1 + (bound - 1) * Self.unconfirmedWidening : level > bound && year > bound
    }

    /// Whether row `row` departs downward below `bound` in both views: the mirror of ``departsUpInBoth(_:bound:yearComparable:)``.
    @inline(__always)
    public func departsDownInBoth(_ row: Int, bound: Double, yearComparable: Bool = true) -> Bool {
        let (level, year) = (departure[row], yearComparable ? yearAgo[row] : .nan)
        return year.isNaN ? level < 1 - (1 - bound) * Self.unconfirmedWidening : level < bound && year < bound
    }

    /// Whether row `row` departs downward: the mirror of ``departsUp(_:bound:agreement:)``.
    @inline(__always)
    public func departsDown(_ row: Int, bound: Double, agreement: Double, yearComparable: Bool = true) -> Bool {
        let (level, year) = (departure[row], yearComparable ? yearAgo[row] : .nan)
        let wide = 1 - (1 - bound) * Self.unconfirmedWidening
        if year.isNaN { return level < wide }
        return (level < bound && year < agreement) || (year < wide && level < agreement)
    }

    /// For the electricity baseline: whether row `row`'s plant ran about as it runs now a year ago (its
    /// electricity then within `factor` of now, net of its class). When it did not — a shutdown or a new
    /// line a year ago — the same period last year is no yardstick for its ratios, and checks pass
    /// `yearComparable: false`.
    @inline(__always)
    public func ranAlikeYearAgo(_ row: Int, within factor: Double) -> Bool {
        let year = yearAgo[row]
        return !(year > factor || year < 1 / factor)
    }

    /// How much wider a bound's distance from 1 is for a single point (the same period last year leading,
    /// or the level alone when there is no year ago to confirm it).
    public static let unconfirmedWidening = 1.5

    /// Whether row `row` has a baseline and a ratio now.
    @inline(__always)
    public func has(_ row: Int) -> Bool { !departure[row].isNaN }

    /// The bound a departure must pass upward for row `row`: 1 + `z` × max(spread, `floor`), and at least `least`.
    @inline(__always)
    public func upperBound(_ row: Int, least: Double, z: Double, floor: Double) -> Double {
        max(least, 1 + z * max(floor, spread[row]))
    }

    /// The bound a departure must fall below for row `row`: 1 / (1 + `z` × max(spread, `floor`)), and at most `most`.
    @inline(__always)
    public func lowerBound(_ row: Int, most: Double, z: Double, floor: Double) -> Double {
        min(most, 1 / (1 + z * max(floor, spread[row])))
    }

    /// A note for quality.md: how many rows had a baseline, and how many were judged against their class only.
    public var note: String {
        "\(ratio.rawValue): \(withBaseline) enterprises judged against their own history (median of lags \(Self.lags.map(String.init).joined(separator: ", "))) and their class; "
            + "\(withoutBaseline) with fewer than \(Self.minimumPoints) earlier periods judged against their class only"
    }

    /// The median of `values` (non-empty), reordering them (``selectMedian(_:)``).
    static func medianInPlace(_ values: inout [Double]) -> Double { selectMedian(&values) }
}

/// A column of ratios kept in single precision and read as `Double`: half the memory of a national
/// column (a baseline holds four), while ratios are judged to two decimals.
public struct RatioColumn: Sendable {
    private let values: [Float]

    init(_ values: [Double]) { self.values = values.map { Float($0) } }

    @inline(__always) public subscript(row: Int) -> Double { Double(values[row]) }

    public var count: Int { values.count }
}

/// The median of the non-NaN values among five (NaN when all are NaN), without allocating;
/// unlike ``positiveMedian(_:_:_:_:)`` zeros and negatives count. A 9-comparator sorting network,
/// missing values sorting last.
@inline(__always)
func finiteMedian(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double) -> Double {
    let n = (a.isNaN ? 0 : 1) + (b.isNaN ? 0 : 1) + (c.isNaN ? 0 : 1) + (d.isNaN ? 0 : 1) + (e.isNaN ? 0 : 1)
    var v0 = a.isNaN ? .infinity : a, v1 = b.isNaN ? .infinity : b, v2 = c.isNaN ? .infinity : c
    var v3 = d.isNaN ? .infinity : d, v4 = e.isNaN ? .infinity : e
    @inline(__always) func order(_ x: inout Double, _ y: inout Double) { if x > y { swap(&x, &y) } }
    order(&v0, &v1); order(&v3, &v4); order(&v2, &v4); order(&v2, &v3); order(&v0, &v3)
    order(&v0, &v2); order(&v1, &v4); order(&v1, &v3); order(&v1, &v2)
    switch n {
    case 0: return .nan
    case 1: return v0
    case 2: return (v0 + v1) / 2
    case 3: return v1
    case 4: return (v1 + v2) / 2
    default: return v2
    }
}
