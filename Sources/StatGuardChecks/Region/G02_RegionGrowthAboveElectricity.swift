import Foundation
import StatGuardCore

/// G02: a town whose output runs ahead of its electricity and its sales ahead of its
/// invoices, against its own history and against the other towns, month after month.
///
/// Two ratios per town, each over its members with a baseline (``EnterpriseBaseline``),
/// leaving out members more than threefold off their own level (unit errors, stopped
/// plants: N01's and U05's business) and counting each member's departure at most 2.5
/// typical spreads (one enterprise's inflation must not carry its town): output /
/// electricity and sales / invoiced sales.
/// This month: D₀ = Σ figure / Σ (figure / d_i), the members' own departures d_i (net of
/// their classes) weighted by size, so the town is compared with its own history. The
/// months before (1, 2, 3 periods back), the same with d_i = a member's ratio then over its
/// ratio a year before now, net of its class's median change. Each D is then compared with
/// the other towns: z = ln(D / median over towns) / √(SE² + `spread_floor`²), where SE is the
/// town's own standard error from its members' sizes and noise (the robust spread of all
/// members' log departures that month, or a member's own when larger): a town of seven
/// enterprises wobbles more than one of forty. Towns with at least `minimum_enterprises` members count; the two ratios'
/// z of a month are combined (Stouffer, (z₁ + z₂)/√2).
/// Evidence accumulates over the run of consecutive months, this one first, whose z
/// exceeds `z_continue`: Z = Σ z / √(months). The town fires when Z > `z_high` and this
/// month's departure (both ratios' geometric mean, over the other towns') exceeds
/// `minimum_excess`; with fewer than five towns to compare, when that departure exceeds
/// `high_ratio`. A town of several months at +10% on flat electricity and truthful
/// invoices is found although no single member departs far; one enterprise's inflation
/// does not carry a town; a price boom in a town's main class is removed with the class.
/// When a town fires, each member whose own departures (their mean in logs) exceed
/// `member_ratio` gets a finding of its own: one line to phone per enterprise.
/// - Complexity: O(n) over the report rows plus sorts over the towns.
public struct G02_RegionGrowthAboveElectricity: Check {
    public static let high = CheckParameter("high_ratio", default: 1.2, allowed: 1...100, "town departure above which it fires when too few towns compare")
    public static let minimumEnterprises = CheckParameter("minimum_enterprises", default: 5, allowed: 1...1e9, "enterprises needed in the town")
    public static let zHigh = CheckParameter("z_high", default: 4.5, allowed: 0...100, "accumulated robust z over the other towns above which it fires")
    public static let zContinue = CheckParameter("z_continue", default: 1.5, allowed: 0...100, "robust z a month needs to count in a run")
    public static let minimumExcess = CheckParameter("minimum_excess", default: 1.05, allowed: 1...100, "this month's departure over the other towns' a town needs")
    public static let memberRatio = CheckParameter("member_ratio", default: 1.02, allowed: 0.5...100, "own departure above which a member of a flagged town is listed")
    public static let spreadFloor = CheckParameter("spread_floor", default: 0.01, allowed: 0...1, "spread between towns added to a town's own standard error")
    public static let entry = RuleEntry(
        "G02", category: .over, severity: .warning,
        title: Bilingual(zh: "乡镇产值持续快于用电、销售快于开票", en: "town output ahead of its electricity and invoices"),
        meaning: Bilingual(
            zh: "乡镇企业合计的产值与用电量之比、销售产值与开票额之比，相对其自身历史明显偏高，高出其他乡镇，且连续数月如此。另逐户列出拉高比值的企业。",
            en: "A town's output per kWh and sales per invoiced yuan, summed over its enterprises, run above its own history and above the other towns', month after month. Each member carrying it is listed too."),
        why: Bilingual(
            zh: "整镇统一虚增产值时，单户偏离不一定很大，但用电量和税务开票不会跟着增长；累积多月的证据可发现温和而持续的区域性造假。",
            en: "When a whole town inflates, each enterprise may depart only a little, but power and invoices do not follow; evidence gathered over months finds a mild, lasting inflation across a town."),
        ask: Bilingual(
            zh: "请核查该乡镇的产值汇总过程，逐户核实被列出企业的产值、用电和开票。",
            en: "Review how the town's figures were compiled, and verify output, power and invoices of each listed enterprise."),
        parameters: [high, minimumEnterprises, zHigh, zContinue, minimumExcess, memberRatio, spreadFloor],
        messages: [
            "": FindingMessage(
                zh: "乡镇{town}的{count:int}家企业合计产值与用电量、销售与开票之比高出其自身常态{ratio:×2}倍（扣除其他乡镇的共同变动），已连续{months:int}个月偏高（累计稳健z值{z:.2}），合计产值{output:千元}千元，按常态推算{expected:千元}千元，疑似整体虚增，请核查。",
                en: "Town {town}: its {count:int} enterprises' output per kWh and sales per invoiced yuan run {ratio:×2} their own usual (the other towns' shared change removed), for {months:int} consecutive months (accumulated robust z {z:.2}); output {output:千元} against {expected:千元} at their usual ratios.",
                observed: "{output:千元}", expected: "≈ {expected:千元}",
                example: ["town": "511703001", "count": 18, "ratio": 1.11, "months": 3, "z": 6.4, "output": 480_000, "expected": 432_000]),
            "member": FindingMessage(
                zh: "工业总产值{output:千元}千元，其产值与用电量、销售与开票之比高出自身常态{ratio:×2}倍；所在乡镇{town}整体持续偏高（{town_ratio:×2}倍），请逐户核实。",
                en: "Gross output {output:千元}: its output per kWh and sales per invoiced yuan run {ratio:×2} its own usual, in town {town} which runs {town_ratio:×2} as a whole, month after month; verify.",
                observed: "{output:千元}", expected: "≈ {expected:千元}",
                example: ["output": 36_000, "ratio": 1.12, "town": "511703001", "town_ratio": 1.11, "expected": 32_100]),
        ])

    static let ratios: [EnterpriseBaseline.Ratio] = [.outputPerElectricity, .salesPerInvoice]
    public static let history: HistoryNeeds = ratios.reduce(HistoryNeeds.none) { $0.union($1.history) }
    /// Months back the run may reach (the lags the store serves before this one).
    static let runLags = [1, 2, 3]
    /// Members further than this factor from their own level do not count in a town's sums.
    static let outlierFactor = 3.0
    /// The most a member's log departure counts for in its town's sums, in typical spreads.
    static let clip = 2.5
    /// Towns needed to compare a town with the others.
    static let minimumTowns = 5

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let n = context.reports.count
        // Towns by row.
        var townIndex: [RegionCode: Int] = [:]
        var towns: [RegionCode] = []
        var townOf = [Int](repeating: 0, count: n)
        for row in 0..<n {
            let town = context.reports.regionCodes[row].town
            if let i = townIndex[town] { townOf[row] = i } else {
                townIndex[town] = towns.count
                townOf[row] = towns.count
                towns.append(town)
            }
        }
        let t = towns.count
        let minimum = settings.count(Self.minimumEnterprises)
        let baselines = Self.ratios.map { context.baseline($0) }
        let figures: [(now: [Double], den: [Double], lagged: [(num: [Double], den: [Double])], year: (num: [Double], den: [Double]))] = [
            (context.current(.grossOutput), context.current(.electricity),
             Self.runLags.map { (context.lagged(.grossOutput, $0), context.lagged(.electricity, $0)) },
             (context.lagged(.grossOutput, 12), context.lagged(.electricity, 12))),
            (context.current(.salesOutput), context.adminAligned(.invoicedSales),
             Self.runLags.map { (context.lagged(.salesOutput, $0), context.adminLagged(.invoicedSales, $0)) },
             (context.lagged(.salesOutput, 12), context.adminLagged(.invoicedSales, 12))),
        ]
        // departure[month][ratio][town] and its standard error: month 0 is this one, 1...3 the months before; NaN when not measured.
        let empty = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: .nan, count: t), count: 2), count: 1 + Self.runLags.count)
        var departures = empty, errors = empty
        for (r, baseline) in baselines.enumerated() {
            let (now, den, lagged, year) = figures[r]
            // This month: the members' own departures. The months before: each member's ratio then over its ratio a
            // year before now, net of its class's median change (prices drift by industry, and towns differ in industry).
            var changes: [[Double]] = [baseline.departure]
            for lag in lagged {
                var change = [Double](repeating: .nan, count: n)
                for row in 0..<n where lag.num[row] > 0 && lag.den[row] > 0 && year.num[row] > 0 && year.den[row] > 0 {
                    change[row] = (lag.num[row] / lag.den[row]) / (year.num[row] / year.den[row])
                }
                changes.append(EnterpriseBaseline.netOfClass(change, context))
            }
            let sizes = [now] + lagged.map(\.num)
            for month in changes.indices {
                let change = changes[month], size = sizes[month]
                // A member's noise: the spread of all members' log departures (robust), or its own when larger.
                let usable = (0..<n).filter { change[$0] < Self.outlierFactor && change[$0] > 1 / Self.outlierFactor && size[$0] > 0 }
                guard !usable.isEmpty else { continue }
                let typical = medianAndScaledMAD(usable.map { log(change[$0]) }).scale
                var sum = [Double](repeating: 0, count: t), expected = sum, variance = sum, members = [Int](repeating: 0, count: t)
                // One member's own inflation must not carry its town: departures count at most `clip` typical spreads.
                let limit = Self.clip * typical
                for row in usable {
                    let i = townOf[row], w = size[row] / exp(max(-limit, min(limit, log(change[row]))))
                    let own = month == 0 && !baseline.spread[row].isNaN ? baseline.spread[row] : 0
                    let sigma = max(typical, own)
                    sum[i] += size[row]
                    expected[i] += w
                    variance[i] += w * w * sigma * sigma
                    members[i] += 1
                }
                for i in 0..<t where members[i] >= minimum && expected[i] > 0 {
                    departures[month][r][i] = sum[i] / expected[i]
                    errors[month][r][i] = variance[i].squareRoot() / expected[i]
                }
            }
        }
        // z over the other towns, per month and ratio: the town's log departure from the towns' median, over its own
        // standard error and the towns' least spread; a month's z combines the ratios measured (Stouffer).
        let floor = settings.value(Self.spreadFloor)
        var z = [[Double]](repeating: [Double](repeating: .nan, count: t), count: departures.count)
        var excess = [Double](repeating: .nan, count: t)  // this month, both ratios' geometric mean over the other towns'
        var comparable = true
        for month in departures.indices {
            var sums = [Double](repeating: 0, count: t), counts = [Int](repeating: 0, count: t)
            var logExcess = [Double](repeating: 0, count: t)
            for r in 0..<2 {
                let logs = departures[month][r].compactMap { $0.isNaN ? nil : log($0) }
                guard logs.count >= Self.minimumTowns else {
                    if month == 0 && r == 0 { comparable = false }
                    continue
                }
                let center = median(logs)
                for i in 0..<t where !departures[month][r][i].isNaN {
                    let l = log(departures[month][r][i]) - center
                    let error = errors[month][r][i]
                    sums[i] += l / (error * error + floor * floor).squareRoot()
                    counts[i] += 1
                    if month == 0 { logExcess[i] += l }
                }
            }
            for i in 0..<t where counts[i] > 0 {
                z[month][i] = sums[i] / Double(counts[i]).squareRoot()
                if month == 0 { excess[i] = exp(logExcess[i] / Double(counts[i])) }
            }
        }
        let (zHigh, zContinue) = (settings.value(Self.zHigh), settings.value(Self.zContinue))
        let (minimumExcess, highRatio, memberBound) = (settings.value(Self.minimumExcess), settings.value(Self.high), settings.value(Self.memberRatio))
        let x = context.current(.grossOutput)
        var rowsOfTown = [[Int]](repeating: [], count: t)
        for row in 0..<n { rowsOfTown[townOf[row]].append(row) }
        for i in towns.indices.sorted(by: { towns[$0] < towns[$1] }) {
            let own = departures[0].map { $0[i] }.filter { !$0.isNaN }
            guard !own.isEmpty else { result.notEvaluated("too few enterprises with history in the town"); continue }
            let townRatio = exp(own.map(log).reduce(0, +) / Double(own.count))
            var months = 0, accumulated = 0.0
            let fires: Bool
            if comparable {
                while months < z.count, z[months][i] > zContinue {
                    accumulated += z[months][i]
                    months += 1
                }
                accumulated = months > 0 ? accumulated / Double(months).squareRoot() : 0
                fires = accumulated > zHigh && excess[i] > minimumExcess
            } else {
                months = 1
                fires = townRatio > highRatio
            }
            guard fires else { result.pass(); continue }
            let code = towns[i].townCode
            // The town's output against its members' usual output per kWh.
            var output = 0.0, expected = 0.0, count = 0
            var listed: [(row: Int, ratio: Double)] = []
            for row in rowsOfTown[i] {
                var logs = 0.0, k = 0
                for baseline in baselines where baseline.has(row) {
                    let d = baseline.departure[row]
                    guard d < Self.outlierFactor, d > 1 / Self.outlierFactor else { continue }
                    logs += log(d)
                    k += 1
                }
                guard k > 0 else { continue }
                count += 1
                let ratio = exp(logs / Double(k))
                output += x[row]
                expected += x[row] / ratio
                if ratio > memberBound { listed.append((row, ratio)) }
            }
            let score = Scoring.score(
                suspicion: Scoring.capped(comparable ? accumulated / zHigh : townRatio / highRatio), deviation: output - expected,
                total: context.countyTotals.total(.grossOutput, county: towns[i]))
            var found = [context.finding(region: code, name: "乡镇 \(code)", Self.entry, settings, score: score, FindingFacts(indicator: "gross_output", [
                "town": .text(code), "count": .number(Double(count)), "ratio": .number(comparable ? excess[i] : townRatio), "months": .number(Double(months)),
                "z": .number(accumulated), "output": .number(output), "expected": .number(expected),
            ]))]
            for (row, ratio) in listed {
                let memberScore = Scoring.score(
                    suspicion: Scoring.suspicion(value: ratio, bound: memberBound), deviation: x[row] - x[row] / ratio,
                    total: context.countyTotals.total(.grossOutput, county: towns[i]))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: memberScore, FindingFacts(indicator: "gross_output", variant: "member", [
                    "output": .number(x[row]), "ratio": .number(ratio), "town": .text(code), "town_ratio": .number(townRatio),
                    "expected": .number(x[row] / ratio),
                ])))
            }
            result.record(found)
        }
    }
}
