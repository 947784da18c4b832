import Foundation
import StatGuardCore

/// O04: Hidiroglou-Berthelot outlier of the year-on-year output ratio within the industry class.
///
/// For each 4-digit class with at least `minimum_peers` enterprises reporting
/// positive output now and a year ago, ``HidiroglouBerthelot`` with U = `u`,
/// A = `a` and the quartile rule `quartile_type` (7 = R's default, 6 = Banff's
/// (n+1)p). Warnings use C = `c_warning` (R univOutl's C = 4 marks about one unit
/// in ten on monthly data: far too many to phone); `c_info` > 0 also reports the
/// hits at that C as info. An outlier whose electricity moved alike (both
/// output and electricity ratios within `explained_band` of each other: a
/// shutdown, a new line) is explained and passes, and so is one whose electricity
/// moved the same way by `electricity_move` or more (a shutdown or restart that kept
/// a base load moves output per kWh too). An enterprise with two or more earlier
/// periods must also depart from its own level (``EnterpriseBaseline`` of its output,
/// net of its class) by `history_ratio` and `spread_z` of its own spreads, in the
/// outlier's direction: a year-on-year outlier its own recent months do not show is a
/// base effect (a shutdown a year ago), and an enterprise whose output always swings
/// this much is not news. The score's suspicion grows
/// with the unit's distance from E_M over the width allowed on its side (1 at
/// either bound), so a drop just past the lower bound ranks like a rise just
/// past the upper one.
public struct O04_YearOnYearOutlier: Check {
    public static let u = CheckParameter("u", default: 0.5, allowed: 0...1, "HB size exponent U")
    public static let a = CheckParameter("a", default: 0.05, allowed: 0...1, "HB minimum spread share A")
    public static let cWarning = CheckParameter("c_warning", default: 20, allowed: 1...1000, "HB width C for warnings")
    public static let cInfo = CheckParameter("c_info", default: 0, allowed: 0...1000, "HB width C for info findings (0: none)")
    public static let quartileType = CheckParameter("quartile_type", default: 7, allowed: 6...7, "quartile rule: 7 (R default) or 6 ((n+1)p)")
    public static let minimumPeers = CheckParameter("minimum_peers", default: 10, allowed: 4...10_000, "enterprises needed in a class")
    public static let explainedBand = CheckParameter("explained_band", default: 1.3, allowed: 1...10, "output/electricity ratio within which electricity explains the change")
    public static let historyRatio = CheckParameter(
        "history_ratio", default: 1.3, allowed: 1...100, "departure of output from the enterprise's own level (net of its class) an outlier needs, up or down")
    public static let spreadZ = CheckParameter("spread_z", default: 3, allowed: 0...100, "own spreads of output that departure must also exceed")
    public static let spreadFloor = CheckParameter("spread_floor", default: 0.05, allowed: 0...1, "least relative spread of an enterprise's output")
    public static let entry = RuleEntry(
        "O04", category: .over, severity: .warning,
        title: Bilingual(zh: "同比增速在行业内异常（HB检验）", en: "year-on-year ratio outlier in its class (Hidiroglou-Berthelot)"),
        meaning: Bilingual(
            zh: "企业工业总产值的同比增速在本行业小类内是Hidiroglou-Berthelot离群值（兼顾增速偏离和企业规模），且用电量没有同步变化。",
            en: "The enterprise's year-on-year output ratio is a Hidiroglou-Berthelot outlier in its 4-digit class (weighing the departure by size), and its electricity did not move alike."),
        why: Bilingual(
            zh: "同行业企业受相同的价格和市场影响；大企业增速远离同行，对汇总增速影响最大。",
            en: "Enterprises of one class share prices and markets; a large one growing far apart from its peers moves the area's growth most."),
        ask: Bilingual(
            zh: "请企业说明增速大幅偏离同行的原因（新增订单、产线、价格），并提供相应凭证。",
            en: "Ask why its growth departs from its peers (orders, lines, prices), with the evidence."),
        parameters: [u, a, cWarning, cInfo, quartileType, minimumPeers, explainedBand, O01_AboveElectricityImpliedOutput.electricityMove,
                     historyRatio, spreadZ, spreadFloor],
        messages: ["": FindingMessage(
            zh: "工业总产值同比{growth:%}（{output_ly:千元}→{output:千元}千元），本行业{class}（{peers:int}家）同比中位数{class_growth:%}，HB检验效应值{effect:×2}超出区间[{lower:×2}, {upper:×2}]，请核实。",
            en: "Gross output {growth:%} year on year ({output_ly:千元} → {output:千元}) while class {class} ({peers:int} enterprises) has a median of {class_growth:%}; HB effect {effect:×2} lies outside [{lower:×2}, {upper:×2}].",
            observed: "{growth:%}", expected: "class median {class_growth:%}, HB [{lower:×2}, {upper:×2}]",
            example: [
                "growth": 1.25, "output_ly": 20_000, "output": 45_000, "class": "2521", "peers": 24, "class_growth": 0.04,
                "effect": 9.8, "lower": -1.64, "upper": 0.73,
            ])])

    public static let baselines: [EnterpriseBaseline.Ratio] = [.output]
    public static let history: HistoryNeeds = HistoryNeeds.reports(["gross_output", "electricity"], lags: [12])
        .union(EnterpriseBaseline.Ratio.history(of: baselines))

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let rule = QuantileRule(rawValue: settings.count(Self.quartileType)) ?? .type7
        let warning = HidiroglouBerthelot(u: settings.value(Self.u), a: settings.value(Self.a), c: settings.value(Self.cWarning), rule: rule)
        let cInfo = settings.value(Self.cInfo)
        let band = settings.value(Self.explainedBand)
        let move = settings.value(O01_AboveElectricityImpliedOutput.electricityMove)
        let ownRatio = settings.value(Self.historyRatio)
        let (z, floor) = (settings.value(Self.spreadZ), settings.value(Self.spreadFloor))
        let own = context.baseline(.output)
        let x = context.current(.grossOutput), x12 = context.lagged(.grossOutput, 12)
        let e = context.current(.electricity), e12 = context.lagged(.electricity, 12)
        result.notes.append("U = \(warning.u), A = \(warning.a), C = \(warning.c) for warnings\(cInfo > 0 ? ", C = \(cInfo) for info" : ""); quartiles: \(rule.name)")
        result.notes.append(own.note)
        for code in context.rowsByClass.keys.sorted() {
            let rows = context.rowsByClass[code]!
            let usable = rows.filter { x[$0] > 0 && x12[$0] > 0 }
            guard usable.count >= settings.count(Self.minimumPeers) else {
                for _ in rows { result.notEvaluated("too few enterprises in the class with output now and a year ago") }
                continue
            }
            for _ in 0..<(rows.count - usable.count) { result.notEvaluated("no positive output now and a year ago") }
            let outcome = warning.apply(current: usable.map { x[$0] }, previous: usable.map { x12[$0] })
            var infoOutcome: HidiroglouBerthelot.Outcome?
            if cInfo > 0 {
                var info = warning
                info.c = cInfo
                infoOutcome = info.apply(current: usable.map { x[$0] }, previous: usable.map { x12[$0] })
            }
            for (i, row) in usable.enumerated() {
                let isWarning = outcome.isOutlier(i)
                guard isWarning || infoOutcome?.isOutlier(i) == true else { result.pass(); continue }
                let powerRatio = e[row] / e12[row]
                let up = outcome.ratios[i] > outcome.medianRatio
                if powerRatio.isFinite, powerRatio > 0, abs(log(outcome.ratios[i] / powerRatio)) < log(band) || (up ? powerRatio > move : powerRatio < 1 / move) {
                    result.pass()  // electricity moved alike or the same way far: a shutdown, a restart or a new line, not an anomaly
                    continue
                }
                if own.has(row) {
                    // Its own recent months must show the departure too, beyond its own swings.
                    let news = up
                        ? own.departure[row] > own.upperBound(row, least: ownRatio, z: z, floor: floor)
                        : own.departure[row] < own.lowerBound(row, most: 1 / ownRatio, z: z, floor: floor)
                    guard news else { result.pass(); continue }
                }
                var effective = settings
                if !isWarning { effective.severity = .info }
                let expectedOutput = x12[row] * outcome.medianRatio
                let score = isWarning ? Scoring.score(
                    suspicion: Scoring.suspicion(value: outcome.excess(i), bound: 1),
                    deviation: x[row] - expectedOutput,
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row])) : 0
                result.fail(context.finding(reportRow: row, Self.entry, effective, score: score, FindingFacts(indicator: "gross_output", [
                    "growth": .number(outcome.ratios[i] - 1), "output_ly": .number(x12[row]), "output": .number(x[row]),
                    "class": .text(code.description), "peers": .number(Double(usable.count)),
                    "class_growth": .number(outcome.medianRatio - 1), "effect": .number(outcome.effects[i]),
                    "lower": .number(outcome.lower), "upper": .number(outcome.upper),
                ])))
            }
        }
    }
}
