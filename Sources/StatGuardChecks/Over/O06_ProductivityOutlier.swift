import Foundation
import StatGuardCore
import StatGuardIngest

/// O06: output per employee or per kWh far above the industry class.
///
/// Robust z on logs within the 4-digit class: z = (ln v − median) / (1.4826 · MAD),
/// for v = output / employees and v = output / electricity. Fires when z >
/// `z_high` in a class of at least `minimum_peers` enterprises with the figure,
/// unless last period or a year ago the enterprise already stood within one z of
/// that in its class as the class stood then (a standing efficiency, flagged
/// when it appeared, is not news each month; a class-wide price move shifts the
/// class, not the enterprise's place in it).
public struct O06_ProductivityOutlier: Check {
    public static let zHigh = CheckParameter("z_high", default: 3.5, allowed: 1...100, "robust z above which it fires")
    public static let minimumPeers = CheckParameter("minimum_peers", default: 10, allowed: 3...10_000, "class members needed")
    public static let descriptor = CheckDescriptor(
        ruleID: "O06", title: "productivity far above the class", titleZh: "人均或单位电耗产值远高于同行业",
        category: .over, defaultSeverity: .warning, parameters: [zHigh, minimumPeers])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let limit = settings.value(Self.zHigh)
        let peersNeeded = Int(settings.value(Self.minimumPeers))
        let x = context.current(.grossOutput)
        let earlier = [1, 12].map { (output: context.lagged(.grossOutput, $0), employees: context.lagged(.employees, $0), electricity: context.lagged(.electricity, $0)) }
        let measures: [(divisor: [Double], before: [(output: [Double], divisor: [Double])], field: String, zh: String, en: String, unit: String)] = [
            (context.current(.employees), earlier.map { ($0.output, $0.employees) }, "output_per_employee", "人均产值", "output per employee", "千元/人"),
            (context.current(.electricity), earlier.map { ($0.output, $0.electricity) }, "output_per_electricity", "单位用电产值", "output per 万kWh", "千元/万千瓦时"),
        ]
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
                // The same class as it stood last period and a year ago, to tell a standing feature from news.
                let standing = measure.before.map { before -> (rows: [Int: Double], center: Double, scale: Double) in
                    var values: [Int: Double] = [:]
                    for row in rows where before.output[row] > 0 && before.divisor[row] > 0 { values[row] = log(before.output[row] / before.divisor[row]) }
                    let (c, s) = values.count >= peersNeeded ? medianAndScaledMAD(Array(values.values)) : (.nan, .nan)
                    return (values, c, s)
                }
                for (i, row) in usable.enumerated() {
                    judged[row] = true
                    let z = (logs[i] - center) / scale
                    guard z > limit else { continue }
                    // Already nearly this far above its class last period or a year ago (within one z of
                    // the bound, against the class as it stood then): a standing feature, not news.
                    if standing.contains(where: { then in
                        guard let value = then.rows[row], then.scale > 0 else { return false }
                        return (value - then.center) / then.scale > limit - 1
                    }) { continue }
                    let value = exp(logs[i])
                    let typical = exp(center)
                    let score = Scoring.score(
                        suspicion: min(5, z / limit), deviation: x[row] * (1 - exp((center + limit * scale) - logs[i])),
                        total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                    findings[row].append(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                        indicator: measure.field, observed: Figures.amount(value), expected: "≤ \(Figures.amount(exp(center + limit * scale)))",
                        zh: "\(measure.zh)\(Figures.amount(value))\(measure.unit)，本行业\(code)中位数\(Figures.amount(typical))，稳健z值\(Figures.ratio(z))，远高于同行业，请核实产值。",
                        en: "\(measure.en) \(Figures.amount(value)) against a class \(code) median of \(Figures.amount(typical)) (robust z \(Figures.ratio(z))); far above its peers, verify the output.")))
                }
            }
        }
        for row in 0..<x.count {
            if judged[row] { result.record(findings[row]) } else { result.notEvaluated("too few class peers or no output, employees or electricity") }
        }
    }
}
