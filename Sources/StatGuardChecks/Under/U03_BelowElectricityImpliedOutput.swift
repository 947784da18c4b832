import StatGuardCore
import StatGuardIngest

/// U03: output far below what its electricity implies (少报).
///
/// Uses the electricity-implied output with the industry-class drift
/// (``ElectricityImpliedOutput``); fires when output / expected < `low`. A
/// shutdown, where electricity falls with output, is not flagged; zero output
/// is not evaluated here but by U05 (stopped, or running without output).
public struct U03_BelowElectricityImpliedOutput: Check {
    public static let low = CheckParameter("low_ratio", default: 0.6, allowed: 0.01...1, "output / implied output below which it fires")
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output a year ago (千元) needed")
    public static let minimumElectricity = CheckParameter("minimum_electricity", default: 1, allowed: 0...1e9, "electricity (万千瓦时) needed now and a year ago")
    public static let minimumPeers = CheckParameter("minimum_peers", default: 5, allowed: 1...1000, "class members needed for a class drift")
    public static let descriptor = CheckDescriptor(
        ruleID: "U03", title: "output below electricity-implied output", titleZh: "产值明显低于用电量推算值（疑似少报）",
        category: .under, defaultSeverity: .warning, parameters: [low, minimumOutput, minimumElectricity, minimumPeers])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let implied = ElectricityImpliedOutput(
            context, minimumOutput: settings.value(Self.minimumOutput),
            minimumElectricity: settings.value(Self.minimumElectricity), minimumPeers: Int(settings.value(Self.minimumPeers)))
        ElectricityImpliedOutput.report(
            implied, context: context, settings: settings, descriptor: Self.descriptor, bound: settings.value(Self.low),
            below: true, into: &result)
    }
}

extension ElectricityImpliedOutput {
    /// Records the rows beyond `bound` (below it when `below`) as findings of `descriptor`.
    static func report(
        _ implied: ElectricityImpliedOutput, context: CheckContext, settings: CheckSettings, descriptor: CheckDescriptor,
        bound: Double, below: Bool, into result: inout CheckResult
    ) {
        let x = context.current(.grossOutput)
        let e = context.current(.electricity)
        let e12 = context.lagged(.electricity, 12)
        let x12 = context.lagged(.grossOutput, 12)
        for row in 0..<context.reports.count {
            if let reason = implied.skipReason[row] { result.notEvaluated(reason); continue }
            let ratio = implied.ratio[row]
            guard below ? ratio < bound : ratio > bound else { result.pass(); continue }
            let expected = implied.expected[row]
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: ratio, bound: bound), deviation: x[row] - expected,
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            let outputChange = Figures.percent(x[row] / x12[row] - 1)
            let powerChange = Figures.percent(e[row] / e12[row] - 1)
            let verbZh = below ? "明显低于" : "明显高于"
            let verbEn = below ? "far below" : "far above"
            result.fail(context.finding(reportRow: row, descriptor, settings, score: score, FindingText(
                indicator: "gross_output", observed: Figures.amount(x[row]),
                expected: "\(Figures.amount(expected)) (\(below ? "≥" : "≤") ×\(Figures.ratio(bound)))",
                zh: "工业总产值\(Figures.amount(x[row]))千元，同比\(outputChange)，而用电量同比\(powerChange)；按用电量和本行业价格效率变动（×\(Figures.ratio(implied.drift[row]))）推算应为\(Figures.amount(expected))千元，实际\(verbZh)推算值（比值\(Figures.ratio(ratio))），请核实。",
                en: "Gross output \(Figures.amount(x[row])) thousand yuan is \(outputChange) year on year while electricity is \(powerChange); electricity and the class drift (×\(Figures.ratio(implied.drift[row]))) imply \(Figures.amount(expected)), so output is \(verbEn) it (ratio \(Figures.ratio(ratio))).")))
        }
    }
}
