import Foundation
import StatGuardCore

/// G02: a town (or county) whose output runs ahead of its electricity and its sales ahead
/// of its invoices, against its own history and against the other towns, month after month.
///
/// Two ratios per town: output / electricity and sales / invoiced sales. For each month L
/// (this one and 1, 2, 3 periods back), D_L is the geometric mean of d_i over the town's
/// members, every member weighing the same, where d_i is a member's ratio then over its ratio a year before this period,
/// net of its class's median change (``EnterpriseBaseline/yearAgo`` this month; a member
/// without a report a year ago counts with its departure from its own level), so the town is
/// compared with its own history. Members more than threefold off (unit errors, stopped
/// plants: N01's and U05's business) are left out, and each member's departure counts at
/// most 2.5 typical spreads from its town's median (one enterprise's inflation must not carry
/// its town). Each D is then compared with
/// the other towns: z = ln(D / median over towns) / √(SE² + `spread_floor`²), where SE is the
/// town's own standard error from its number of members and the robust spread of all members'
/// log departures that month: a town of seven enterprises wobbles more than one of forty.
/// Towns with at least `minimum_enterprises` members count; the two ratios'
/// z of a month are combined (Stouffer, (z₁ + z₂)/√2).
/// Evidence accumulates over the run of consecutive months, this one first, whose z
/// exceeds `z_continue`: Z = Σ z / √(m + m(m − 1)ρ) for m months, ρ = ½ because every month
/// is compared with the same year-ago month (Stouffer's sum for correlated z). The town fires when Z > `z_high` and the
/// run's departure (the geometric mean over its months and both ratios, over the other towns') exceeds
/// `minimum_excess` (a run is judged as a whole: a month of it that noise pulled a little down does not end
/// it); with fewer than five towns to compare, when this month's own departure exceeds `high_ratio`. A town of several months at +10% on flat electricity and truthful
/// invoices is found although no single member departs far; one enterprise's inflation
/// does not carry a town; a price boom in a town's main class is removed with the class.
/// When a town fires, each member whose own departures (their mean in logs) exceed
/// `member_ratio` gets a finding of its own: one line to phone per enterprise. Counties are
/// tested the same way against the other counties (a whole county inflating a little moves
/// each of its towns less than the test can see, and the county as a whole more); a county
/// finding lists no members, its towns' findings do.
/// - Complexity: O(n) over the report rows plus sorts over the towns.
public struct G02_RegionGrowthAboveElectricity: Check {
    public static let high = CheckParameter("high_ratio", default: 1.2, allowed: 1...100, "town departure above which it fires when too few towns compare")
    public static let minimumEnterprises = CheckParameter("minimum_enterprises", default: 5, allowed: 1...1e9, "enterprises needed in the town")
    public static let zHigh = CheckParameter("z_high", default: 4.5, allowed: 0...100, "accumulated robust z over the other towns above which it fires")
    public static let zContinue = CheckParameter("z_continue", default: 1.5, allowed: 0...100, "robust z a month needs to count in a run")
    public static let minimumExcess = CheckParameter("minimum_excess", default: 1.05, allowed: 1...100, "the run's departure over the other towns' a town needs")
    public static let memberRatio = CheckParameter("member_ratio", default: 1.0, allowed: 0.5...100, "own departure above which a member of a flagged town is listed")
    public static let spreadFloor = CheckParameter("spread_floor", default: 0.01, allowed: 0...1, "spread between towns added to a town's own standard error")
    public static let entry = RuleEntry(
        "G02", category: .over, severity: .warning,
        title: Bilingual(zh: "乡镇（区县）产值持续快于用电、销售快于开票", en: "town or county output ahead of its electricity and invoices"),
        meaning: Bilingual(
            zh: "乡镇内各企业产值与用电量之比、销售产值与开票额之比相对其自身历史的偏离（逐户等权平均）明显偏高，高出其他乡镇，且连续数月如此。另逐户列出拉高比值的企业。",
            en: "A town's enterprises' output per kWh and sales per invoiced yuan, each against its own history and averaged with every enterprise weighing the same, run above the other towns', month after month. Each member carrying it is listed too."),
        why: Bilingual(
            zh: "整镇统一虚增产值时，单户偏离不一定很大，但用电量和税务开票不会跟着增长；累积多月的证据可发现温和而持续的区域性造假。",
            en: "When a whole town inflates, each enterprise may depart only a little, but power and invoices do not follow; evidence gathered over months finds a mild, lasting inflation across a town."),
        ask: Bilingual(
            zh: "请核查该乡镇的产值汇总过程，逐户核实被列出企业的产值、用电和开票。",
            en: "Review how the town's figures were compiled, and verify output, power and invoices of each listed enterprise."),
        parameters: [high, minimumEnterprises, zHigh, zContinue, minimumExcess, memberRatio, spreadFloor],
        messages: [
            "": FindingMessage(
                zh: "乡镇{town:region}的{count:int}家企业合计产值与用电量、销售与开票之比高出其自身常态{ratio:×2}倍（扣除其他乡镇的共同变动），已连续{months:int}个月偏高（累计稳健z值{z:.2}），合计产值{output:千元}千元，按常态推算{expected:千元}千元，疑似整体虚增，请核查。",
                en: "Town {town:region}: its {count:int} enterprises' output per kWh and sales per invoiced yuan run {ratio:×2} their own usual (the other towns' shared change removed), for {months:int} consecutive months (accumulated robust z {z:.2}); output {output:千元} against {expected:千元} at their usual ratios.",
                observed: "{output:千元}", expected: "≈ {expected:千元}",
                example: ["town": "511703001", "count": 18, "ratio": 1.11, "months": 3, "z": 6.4, "output": 480_000, "expected": 432_000]),
            "county": FindingMessage(
                zh: "区县{county:region}的{count:int}家企业合计产值与用电量、销售与开票之比高出其自身常态{ratio:×2}倍（扣除其他区县的共同变动），已连续{months:int}个月偏高（累计稳健z值{z:.2}），合计产值{output:千元}千元，按常态推算{expected:千元}千元，疑似整体虚增，请核查。",
                en: "County {county:region}: its {count:int} enterprises' output per kWh and sales per invoiced yuan run {ratio:×2} their own usual (the other counties' shared change removed), for {months:int} consecutive months (accumulated robust z {z:.2}); output {output:千元} against {expected:千元} at their usual ratios.",
                observed: "{output:千元}", expected: "≈ {expected:千元}",
                example: ["county": "511703", "count": 240, "ratio": 1.06, "months": 2, "z": 5.2, "output": 4_800_000, "expected": 4_530_000]),
            "member": FindingMessage(
                zh: "工业总产值{output:千元}千元，其产值与用电量、销售与开票之比高出自身常态{ratio:×2}倍；所在乡镇{town:region}整体持续偏高（{town_ratio:×2}倍），请逐户核实。",
                en: "Gross output {output:千元}: its output per kWh and sales per invoiced yuan run {ratio:×2} its own usual, in town {town:region} which runs {town_ratio:×2} as a whole, month after month; verify.",
                observed: "{output:千元}", expected: "≈ {expected:千元}",
                example: ["output": 36_000, "ratio": 1.12, "town": "511703001", "town_ratio": 1.11, "expected": 32_100]),
        ])

    public static let baselines: [EnterpriseBaseline.Ratio] = [.outputPerElectricity, .salesPerInvoice]
    public static let history: HistoryNeeds = EnterpriseBaseline.Ratio.history(of: baselines)
    /// Months back a run may reach (the lags the store serves before this one).
    static let runLags = [1, 2, 3]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let members = Self.members(context)
        let minimum = settings.count(Self.minimumEnterprises)
        let floor = settings.value(Self.spreadFloor)
        for level in [RegionLevel.town, .county] {
            let (areas, rowsOfArea) = Self.group(context, level)
            let departures = AreaDepartures(members, rowsOfArea: rowsOfArea, minimumMembers: minimum, floor: floor)
            if level == .county {
                let measured = areas.indices.filter { !departures.own($0).isNaN }.count
                result.notes.append("counties: \(measured) measured, \(departures.comparable ? "compared with each other" : "too few to compare: own history against high_ratio only")")
            }
            for a in areas.indices.sorted(by: { areas[$0] < areas[$1] }) {
                let own = departures.own(a)
                guard !own.isNaN else {
                    if level == .town { result.notEvaluated("too few enterprises with history in the town") }
                    continue
                }
                var (months, z) = departures.run(a, above: settings.value(Self.zContinue))
                let ratio = departures.comparable ? departures.excess(a, months: months) : own
                let fires: Bool
                if departures.comparable {
                    fires = z > settings.value(Self.zHigh) && ratio > settings.value(Self.minimumExcess)
                } else {
                    (months, z) = (1, .nan)
                    fires = own > settings.value(Self.high)
                }
                guard fires else {
                    if level == .town { result.pass() }
                    continue
                }
                let found = findings(context, settings, level: level, area: areas[a], rows: rowsOfArea[a], thisMonth: members.logs.map { $0[0] },
                                     ratio: ratio, months: months, z: z, suspicion: departures.comparable ? z / settings.value(Self.zHigh) : own / settings.value(Self.high))
                if level == .town { result.record(found) } else { result.findings += found }
            }
        }
    }

    enum RegionLevel { case town, county }

    /// The areas of `level` and the report rows of each, in order of first appearance.
    static func group(_ context: CheckContext, _ level: RegionLevel) -> (areas: [RegionCode], rows: [[Int]]) {
        var index: [RegionCode: Int] = [:]
        var areas: [RegionCode] = []
        var rows: [[Int]] = []
        for row in 0..<context.reports.count {
            let code = level == .town ? context.reports.regionCodes[row].town : context.reports.regionCodes[row].county
            if let i = index[code] { rows[i].append(row) } else {
                index[code] = areas.count
                areas.append(code)
                rows.append([row])
            }
        }
        return (areas, rows)
    }

    /// Per ratio and month (this one, then 1, 2, 3 back), each member's log of its ratio then over its ratio a year
    /// before this period, net of its class's change (prices drift by industry, and areas differ in industry).
    /// This month, the member's own ``EnterpriseBaseline/yearAgo`` (its departure from its level when it
    /// has no report a year ago). Read in place through the row alignments: no copies of the lagged columns.
    static func members(_ context: CheckContext) -> AreaDepartures.Members {
        let n = context.reports.count
        var logs: [[[Double]]] = []
        for ratio in baselines {
            let baseline = context.baseline(ratio)
            let (top, bottom) = ratio.figures
            var months: [[Double]] = [(0..<n).map { row in
                let d = baseline.yearAgo[row].isNaN ? baseline.departure[row] : baseline.yearAgo[row]
                return d > 0 ? log(d) : .nan
            }]
            let yearTop = EnterpriseBaseline.FigureColumn(top, lag: 12, context), yearBottom = EnterpriseBaseline.FigureColumn(bottom!, lag: 12, context)
            for lag in runLags {
                let numerator = EnterpriseBaseline.FigureColumn(top, lag: lag, context), denominator = EnterpriseBaseline.FigureColumn(bottom!, lag: lag, context)
                var change = [Double](repeating: .nan, count: n)
                for row in 0..<n {
                    let (a, b, c, d) = (numerator[row], denominator[row], yearTop[row], yearBottom[row])
                    if a > 0, b > 0, c > 0, d > 0 { change[row] = log((a / b) / (c / d)) }
                }
                EnterpriseBaseline.removeClassShift(&change, context, logs: true)
                months.append(change)
            }
            logs.append(months)
        }
        return AreaDepartures.Members(logs: logs)
    }

    /// The area's finding and, for a town, its members' whose own departure this month (`thisMonth`: per ratio, each
    /// member's log departure, NaN when it does not count) exceeds `member_ratio`.
    func findings(
        _ context: CheckContext, _ settings: CheckSettings, level: RegionLevel, area: RegionCode, rows: [Int], thisMonth: [[Double]],
        ratio: Double, months: Int, z: Double, suspicion: Double
    ) -> [Finding] {
        let x = context.current(.grossOutput)
        let memberBound = settings.value(Self.memberRatio)
        var output = 0.0, expected = 0.0, count = 0
        var listed: [(row: Int, ratio: Double)] = []
        for row in rows {
            var logs = 0.0, k = 0
            for view in thisMonth where !view[row].isNaN {
                logs += view[row]
                k += 1
            }
            guard k > 0 else { continue }
            count += 1
            let own = exp(logs / Double(k))
            output += x[row]
            expected += x[row] / own
            if own > memberBound { listed.append((row, own)) }
        }
        let code = level == .town ? area.townCode : area.countyCode
        let county = context.countyTotals.total(.grossOutput, county: area)
        let score = Scoring.score(suspicion: Scoring.capped(suspicion), deviation: output - expected, total: level == .town ? county : context.countyTotals.areaTotal(.grossOutput))
        var found = [context.finding(
            region: code, name: (level == .town ? "乡镇 " : "区县 ") + code, Self.entry, settings, score: score,
            FindingFacts(indicator: "gross_output", variant: level == .town ? "" : "county", [
                level == .town ? "town" : "county": .text(code), "count": .number(Double(count)), "ratio": .number(ratio),
                "months": .number(Double(months)), "z": .number(z), "output": .number(output), "expected": .number(expected),
            ]))]
        guard level == .town else { return found }
        for (row, own) in listed {
            let memberScore = Scoring.score(
                suspicion: Scoring.suspicion(value: own, bound: max(1, memberBound)), deviation: x[row] - x[row] / own, total: county)
            found.append(context.finding(reportRow: row, Self.entry, settings, score: memberScore, FindingFacts(indicator: "gross_output", variant: "member", [
                "output": .number(x[row]), "ratio": .number(own), "town": .text(code), "town_ratio": .number(ratio), "expected": .number(x[row] / own),
            ])))
        }
        return found
    }
}
