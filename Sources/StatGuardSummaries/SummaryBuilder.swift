import StatGuardCore

/// Computes a period's summary: totals, comparable-basis growth, 拉动, 占比,
/// 产销率, 亏损面, reporting rate and capacity use, by every breakdown.
///
/// Measures never judge. Only loaded rows count. Growth is on a comparable
/// basis (同口径): an enterprise counts in a growth only when it has a base a year
/// ago, so one that entered this year or left since is out of both sides.
/// - Complexity: O(n · breakdowns · measures) additions, after one pass grouping the rows.
public enum SummaryBuilder {
    /// What the summaries read from a year ago: every measure's fields, for growth on the store basis.
    public static let history: HistoryNeeds = .reports(
        Measure.allCases.flatMap { measure in SummaryView.allCases.compactMap { measure.field($0)?.spec.name } }, lags: [12])

    public static func build(_ input: SummaryInput) -> PeriodSummary {
        let keys = GroupKeys(input)
        let reports = input.reports
        let priorRows = input.priorYear.map { input.priorYearRows ?? PeriodHistory.rows(of: reports.creditCodes, in: $0) }
        // Chains: one (row, group) pair per membership.
        var chainRows: [Int32] = []
        var chainGroups: [Int32] = []
        let classOf = keys.rowGroup[.industryClass]!
        for row in 0..<reports.count {
            for chain in keys.chainsOfClass[Int(classOf[row])] {
                chainRows.append(Int32(row))
                chainGroups.append(Int32(chain))
            }
        }
        func membership(_ breakdown: Breakdown) -> (rows: [Int32]?, groups: [Int32]) {
            breakdown == .chain ? (chainRows, chainGroups) : (nil, keys.rowGroup[breakdown]!)
        }
        let rate = (input.reportingRate ?? input.register.map { ReportingRate(register: $0, reports: reports, period: input.period) })
            .map(ReportingCounts.init)
        var rows: [SummaryRow] = []
        let profit = reports[ReportField.profitYTD]
        let lossFlag = (0..<reports.count).map { profit[$0] < 0 ? 1.0 : 0.0 }
        let one = [Double](repeating: 1, count: reports.count)
        let plain = PlainGroups(keys, rows: reports.count)
        for view in SummaryView.allCases {
            // The measures' columns once per view; then one accumulation pass per breakdown and measure.
            let columns = Measure.allCases.map { MeasureColumns(measure: $0, view: view, input: input, priorRows: priorRows) }
            var sums: [Breakdown: [MeasureSums]] = [:]
            var counts: [Breakdown: [Int]] = [:]
            var losses: [Breakdown: [Int]] = [:]
            for breakdown in Breakdown.allCases {
                let size = keys.groups[breakdown]?.count ?? 0
                let member = membership(breakdown)
                counts[breakdown] = MeasureSums.add(one, member, size).map { Int($0) }
                losses[breakdown] = MeasureSums.add(lossFlag, member, size).map { Int($0) }
                if breakdown == .chain { sums[breakdown] = columns.map { MeasureSums($0, member: member, size: size) } }
            }
            // Every other breakdown in one pass over the rows per measure.
            let plainSums = columns.map { MeasureSums.sums($0, plain) }
            for (k, breakdown) in plain.breakdowns.enumerated() { sums[breakdown] = plainSums.map { $0[k] } }
            let area = sums[.area]!
            for breakdown in Breakdown.allCases {
                var lines: [SummaryRow] = []
                for (index, group) in (keys.groups[breakdown] ?? []).enumerated() {
                    let figures = Measure.allCases.map { measure in
                        sums[breakdown]![measure.rawValue].figures(index, area: area[measure.rawValue])
                    }
                    var line = SummaryRow(
                        view: view, breakdown: breakdown, code: group.code, name: group.name,
                        enterprises: counts[breakdown]![index], measures: figures,
                        lossMaking: view == .ytd ? losses[breakdown]![index] : nil)
                    if let rate { (line.reportingDue, line.reportingReported) = rate.counts(breakdown, group.code) }
                    lines.append(line)
                }
                rows += lines.sorted {
                    let a = $0[.grossOutput].total ?? 0, b = $1[.grossOutput].total ?? 0
                    return a != b ? a > b : $0.code < $1.code
                }
            }
        }
        return PeriodSummary(
            period: input.period, monthLabel: input.calendar.label(input.period),
            cumulativeLabel: input.calendar.cumulativeName(input.period), rows: rows,
            products: CapacityUse.products(input))
    }
}

/// One measure's per-row figures in one view: the value, last year's value in the store and
/// the base the enterprise reported. Only references to the tables' columns: the per-row
/// contributions are worked out as the sums add them up, with no column of their own.
struct MeasureColumns {
    var applicable: Bool
    var values: [Double] = []
    var reportedBase: [Double]?
    var prior: [Double]?
    var priorRows: [Int32]?

    init(measure: Measure, view: SummaryView, input: SummaryInput, priorRows: [Int32]?) {
        guard let field = measure.field(view) else {
            applicable = false
            return
        }
        applicable = true
        values = input.reports[field]
        reportedBase = measure.reportedBaseField(view).map { input.reports[$0] }
        if let priorRows, let priorYear = input.priorYear {
            prior = priorYear[field]
            self.priorRows = priorRows
        }
    }

    /// The row's value a year ago in the store (`.nan` when it has none).
    func store(_ row: Int) -> Double {
        guard let prior, let priorRows, priorRows[row] >= 0 else { return .nan }
        return prior[Int(priorRows[row])]
    }
}

/// The sums of one measure over the groups of one breakdown.
struct MeasureSums {
    var total: [Double]
    var present: [Double]
    var comparableNow: [Double]
    var comparableBase: [Double]
    var storeNow: [Double]
    var storeBase: [Double]

    /// Sums already added up, one value per group in each.
    init(total: [Double], present: [Double], comparableNow: [Double], comparableBase: [Double], storeNow: [Double], storeBase: [Double]) {
        (self.total, self.present, self.comparableNow, self.comparableBase, self.storeNow, self.storeBase) =
            (total, present, comparableNow, comparableBase, storeNow, storeBase)
    }

    /// Adds each member row's contributions in row order: its value, 1 for being present, value and
    /// base where it has a base a year ago (the reported one, else the store's), and value and
    /// store value where the store has one. A missing value contributes nothing.
    init(_ columns: MeasureColumns, member: (rows: [Int32]?, groups: [Int32]), size: Int) {
        let empty = [Double](repeating: 0, count: size)
        (total, present, comparableNow, comparableBase, storeNow, storeBase) = (empty, empty, empty, empty, empty, empty)
        guard columns.applicable else { return }
        for (i, group) in member.groups.enumerated() where group >= 0 {
            let row = member.rows.map { Int($0[i]) } ?? i
            let v = columns.values[row]
            guard !v.isNaN else { continue }
            let g = Int(group)
            total[g] += v
            present[g] += 1
            let store = columns.store(row)
            var base = store
            if let reported = columns.reportedBase, !reported[row].isNaN { base = reported[row] }
            if !base.isNaN {
                comparableNow[g] += v
                comparableBase[g] += base
            }
            if !store.isNaN {
                storeNow[g] += v
                storeBase[g] += store
            }
        }
    }

    /// One measure's sums over every breakdown of `plain` at once: each row's contributions worked out
    /// once and added to its group in each, in row order, so each group's sums are those of ``init(_:member:size:)``.
    static func sums(_ columns: MeasureColumns, _ plain: PlainGroups) -> [MeasureSums] {
        let width = plain.offsets.last!
        var sums = [Double](repeating: 0, count: 6 * width)  // total, present, comparable now and base, store now and base
        if columns.applicable {
            let k = plain.breakdowns.count
            sums.withUnsafeMutableBufferPointer { a in
                plain.matrix.withUnsafeBufferPointer { matrix in
                    plain.offsets.withUnsafeBufferPointer { offsets in
                        for row in 0..<columns.values.count {
                            let v = columns.values[row]
                            guard !v.isNaN else { continue }
                            let store = columns.store(row)
                            var base = store
                            if let reported = columns.reportedBase, !reported[row].isNaN { base = reported[row] }
                            for b in 0..<k {
                                let group = matrix[row * k + b]
                                guard group >= 0 else { continue }
                                let at = offsets[b] + Int(group)
                                a[at] += v
                                a[width + at] += 1
                                if !base.isNaN {
                                    a[2 * width + at] += v
                                    a[3 * width + at] += base
                                }
                                if !store.isNaN {
                                    a[4 * width + at] += v
                                    a[5 * width + at] += store
                                }
                            }
                        }
                    }
                }
            }
        }
        return plain.breakdowns.indices.map { b -> MeasureSums in
            let range = plain.offsets[b]..<plain.offsets[b + 1]
            func slice(_ part: Int) -> [Double] { Array(sums[(part * width + range.lowerBound)..<(part * width + range.upperBound)]) }
            return MeasureSums(
                total: slice(0), present: slice(1), comparableNow: slice(2), comparableBase: slice(3), storeNow: slice(4), storeBase: slice(5))
        }
    }

    /// Sums `values` into `size` groups by membership.
    static func add(_ values: [Double], _ member: (rows: [Int32]?, groups: [Int32]), _ size: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: size)
        if let rows = member.rows {
            for (row, group) in zip(rows, member.groups) { sums[Int(group)] += values[Int(row)] }
        } else {
            for (row, group) in member.groups.enumerated() where group >= 0 { sums[Int(group)] += values[row] }
        }
        return sums
    }

    func figures(_ group: Int, area: MeasureSums) -> MeasureFigures {
        guard present[group] > 0 else { return MeasureFigures() }
        let areaTotal = area.total[0]
        let areaBase = area.comparableBase[0]
        return MeasureFigures(
            total: total[group],
            growth: comparableBase[group] > 0 ? comparableNow[group] / comparableBase[group] - 1 : nil,
            storeGrowth: storeBase[group] > 0 ? storeNow[group] / storeBase[group] - 1 : nil,
            contribution: areaBase > 0 ? (comparableNow[group] - comparableBase[group]) / areaBase * 100 : nil,
            share: areaTotal != 0 ? total[group] / areaTotal : nil)
    }
}

/// The breakdowns whose every row is in at most one group (all but chains), and each row's
/// group under each, row by row, so one pass over the rows feeds them all.
struct PlainGroups {
    let breakdowns: [Breakdown]
    /// Row `r`'s group under breakdown `b` at `r × breakdowns.count + b` (−1: none).
    let matrix: [Int32]
    /// Where each breakdown's groups start among all of theirs; the last is their count.
    let offsets: [Int]

    init(_ keys: GroupKeys, rows: Int) {
        breakdowns = Breakdown.allCases.filter { $0 != .chain }
        let k = breakdowns.count
        var matrix = [Int32](repeating: -1, count: rows * k)
        for (b, breakdown) in breakdowns.enumerated() {
            guard let groups = keys.rowGroup[breakdown] else { continue }
            for row in 0..<rows { matrix[row * k + b] = groups[row] }
        }
        self.matrix = matrix
        offsets = breakdowns.reduce(into: [0]) { $0.append($0.last! + (keys.groups[$1]?.count ?? 0)) }
    }
}

/// Reporting-rate counts by the codes summary rows carry: the area, counties (6 digits), towns (9 digits).
struct ReportingCounts {
    let total: ReportingRate.Count
    let byCode: [String: ReportingRate.Count]

    init(_ rate: ReportingRate) {
        total = rate.total
        var byCode: [String: ReportingRate.Count] = [:]
        for (town, count) in rate.byTown {
            let code = town.description
            for key in [String(code.prefix(9)), String(code.prefix(6))] {
                byCode[key, default: ReportingRate.Count()].due += count.due
                byCode[key, default: ReportingRate.Count()].reported += count.reported
            }
        }
        self.byCode = byCode
    }

    /// Due and reported counts of an area, county or town group; nil for other breakdowns.
    func counts(_ breakdown: Breakdown, _ code: String) -> (Int?, Int?) {
        switch breakdown {
        case .area: return (total.due, total.reported)
        case .county, .town:
            let count = byCode[code] ?? ReportingRate.Count()
            return (count.due, count.reported)
        default: return (nil, nil)
        }
    }
}
