import Foundation
import StatGuardCore

/// O06: output per employee or per kWh far above the industry class.
///
/// Robust z on logs within the 4-digit class: z = (ln v − median) / (1.4826 · MAD),
/// for v = output / employees and v = output / electricity. Fires when z >
/// `z_high` in a class of at least `minimum_peers` enterprises with the figure, and
/// the enterprise itself just moved there: its v departs from its own level
/// (``EnterpriseBaseline``, net of its class, the same period last year agreeing) by
/// `history_ratio` (a standing efficiency, flagged when it appeared, is not news each
/// month; a class-wide price move shifts the class, not the enterprise's place in it).
/// An enterprise with fewer than two earlier periods has no own level to tell a standing
/// feature from news: it needs z above `z_without_history`, and not to have stood within one z
/// of the bound in its class last period or a year ago (as the class stood then).
public struct O06_ProductivityOutlier: Check {
    public static let zHigh = CheckParameter("z_high", default: 3.5, allowed: 1...100, "robust z above which it fires")
    public static let minimumPeers = CheckParameter("minimum_peers", default: 10, allowed: 3...10_000, "class members needed")
    public static let historyRatio = CheckParameter(
        "history_ratio", default: 1.2, allowed: 1...100, "departure of the ratio from the enterprise's own level (net of its class) it needs")
    public static let zWithoutHistory = CheckParameter(
        "z_without_history", default: 6, allowed: 1...100, "robust z needed with no earlier period to tell a standing feature from news")
    public static let entry = RuleEntry(
        "O06", category: .over, severity: .warning,
        title: Bilingual(zh: "人均或单位电耗产值远高于同行业", en: "productivity far above the class"),
        meaning: Bilingual(
            zh: "人均产值或单位用电产值在本行业小类内是稳健z值（对数、中位数和MAD）的高端离群值，且上期和上年同期并非如此。",
            en: "Output per employee or per 万kWh is a high outlier of its class by robust z (logs, median and MAD), and was not last period or a year ago."),
        why: Bilingual(
            zh: "同行业的劳动生产率和电耗产值相近；突然远高于同行，说明产值可能虚增。",
            en: "Productivity is similar within a class; a sudden leap far above the peers suggests inflated output."),
        ask: Bilingual(
            zh: "请企业说明生产率大幅高于同行的原因（外协加工、产品结构、价格）。",
            en: "Ask what explains productivity far above the peers (outsourcing, product mix, prices)."),
        parameters: [zHigh, minimumPeers, historyRatio, zWithoutHistory, O01_AboveElectricityImpliedOutput.agreement,
                     O01_AboveElectricityImpliedOutput.electricityMove],
        messages: [
            "output_per_employee": FindingMessage(
                zh: "人均产值{value:千元}千元/人，本行业{class}中位数{median:千元}，稳健z值{z:×2}，远高于同行业，请核实产值。",
                en: "output per employee {value:千元} against a class {class} median of {median:千元} (robust z {z:×2}); far above its peers, verify the output.",
                observed: "{value:千元}", expected: "≤ {limit:千元}",
                example: ["value": 9_800, "class": "3011", "median": 1_200, "z": 5.2, "limit": 6_100]),
            "output_per_electricity": FindingMessage(
                zh: "单位用电产值{value:千元}千元/万千瓦时，本行业{class}中位数{median:千元}，稳健z值{z:×2}，远高于同行业，请核实产值。",
                en: "output per 万kWh {value:千元} against a class {class} median of {median:千元} (robust z {z:×2}); far above its peers, verify the output.",
                observed: "{value:千元}", expected: "≤ {limit:千元}",
                example: ["value": 9_800, "class": "3011", "median": 1_200, "z": 5.2, "limit": 6_100]),
        ])

    public static let baselines: [EnterpriseBaseline.Ratio] = [.outputPerEmployee, .outputPerElectricity, .electricity]
    public static let history: HistoryNeeds = HistoryNeeds.reports(["gross_output", "employees", "electricity"], lags: [1, 12])
        .union(EnterpriseBaseline.Ratio.history(of: baselines))

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let limit = settings.value(Self.zHigh)
        let ownRatio = settings.value(Self.historyRatio)
        let bare = settings.value(Self.zWithoutHistory)
        let agreement = 1 + (ownRatio - 1) * settings.value(O01_AboveElectricityImpliedOutput.agreement)
        let plant = context.baseline(.electricity)
        let move = settings.value(O01_AboveElectricityImpliedOutput.electricityMove)
        let peersNeeded = settings.count(Self.minimumPeers)
        let x = context.current(.grossOutput)
        let earlier = [1, 12].map { (output: context.lagged(.grossOutput, $0), employees: context.lagged(.employees, $0), electricity: context.lagged(.electricity, $0)) }
        let measures: [(divisor: [Double], before: [(output: [Double], divisor: [Double])], field: String, own: EnterpriseBaseline)] = [
            (context.current(.employees), earlier.map { ($0.output, $0.employees) }, "output_per_employee", context.baseline(.outputPerEmployee)),
            (context.current(.electricity), earlier.map { ($0.output, $0.electricity) }, "output_per_electricity", context.baseline(.outputPerElectricity)),
        ]
        result.notes.append(measures[0].own.note)
        var findings = [[Finding]](repeating: [], count: x.count)
        var judged = [Bool](repeating: false, count: x.count)
        for code in context.rowsByClass.keys.sorted() {
            let rows = context.rowsByClass[code]!
            for measure in measures {
                let usable = rows.filter { x[$0] > 0 && measure.divisor[$0] > 0 }
                guard usable.count >= peersNeeded else { continue }
                let logs = usable.map { log(x[$0] / measure.divisor[$0]) }
                let (center, scale) = medianAndScaledMAD(logs)
                guard scale > 0 else { continue }
                // The same class as it stood last period and a year ago, to tell a standing feature from news: made
                // only for a class with a high outlier that has no level of its own (most classes have none).
                lazy var standing = measure.before.map { before -> (rows: [Int: Double], center: Double, scale: Double) in
                    var values: [Int: Double] = [:]
                    for row in rows where before.output[row] > 0 && before.divisor[row] > 0 { values[row] = log(before.output[row] / before.divisor[row]) }
                    let (c, s) = values.count >= peersNeeded ? medianAndScaledMAD(Array(values.values)) : (.nan, .nan)
                    return (values, c, s)
                }
                for (i, row) in usable.enumerated() {
                    judged[row] = true
                    let z = (logs[i] - center) / scale
                    guard z > limit else { continue }
                    if measure.own.has(row) {
                        // It must have moved there itself, not stood there all along.
                        // (A shutdown or a new line a year ago makes that month no yardstick.)
                        guard measure.own.departsUp(
                            row, bound: ownRatio, agreement: agreement, yearComparable: plant.ranAlikeYearAgo(row, within: move)) else { continue }
                    } else {
                        // Already nearly this far above its class last period or a year ago (within one z of
                        // the bound, against the class as it stood then): a standing feature, not news.
                        if standing.contains(where: { then in
                            guard let value = then.rows[row], then.scale > 0 else { return false }
                            return (value - then.center) / then.scale > limit - 1
                        }) { continue }
                        if z <= bare { continue }
                    }
                    let value = exp(logs[i])
                    let typical = exp(center)
                    let score = Scoring.score(
                        suspicion: Scoring.capped(z / limit), deviation: x[row] * (1 - exp((center + limit * scale) - logs[i])),
                        total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                    findings[row].append(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: measure.field, variant: measure.field, [
                        "value": .number(value), "class": .text(code.description), "median": .number(typical), "z": .number(z),
                        "limit": .number(exp(center + limit * scale)),
                    ])))
                }
            }
        }
        for row in 0..<x.count {
            if judged[row] { result.record(findings[row]) } else { result.notEvaluated("too few class peers or no output, employees or electricity") }
        }
    }
}
