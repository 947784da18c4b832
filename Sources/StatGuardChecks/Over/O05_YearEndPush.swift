import StatGuardCore
import StatGuardIngest

/// O05: a December spike far above October-November and the class (年底冲量).
///
/// Evaluated in December only. r = December output / mean(October, November);
/// fires when r exceeds the class median of r (at least `minimum_peers`
/// members, else all enterprises) by the factor `high_ratio`, unless
/// electricity rose alike (within `explained_band`).
public struct O05_YearEndPush: Check {
    public static let high = CheckParameter("high_ratio", default: 1.5, allowed: 1...100, "December jump over the class's, above which it fires")
    public static let minimumPeers = CheckParameter("minimum_peers", default: 5, allowed: 1...10_000, "class members needed for a class median")
    public static let descriptor = CheckDescriptor(
        ruleID: "O05", title: "December spike (year-end push)", titleZh: "12月产值突增（疑似年底冲量）",
        category: .over, defaultSeverity: .warning, parameters: [high, minimumPeers, O04_YearOnYearOutlier.explainedBand])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        guard context.period.month == 12 else {
            result.skipped = "evaluated in December only"
            return
        }
        let bound = settings.value(Self.high)
        let band = settings.value(O04_YearOnYearOutlier.explainedBand)
        let x = context.current(.grossOutput), x1 = context.lagged(.grossOutput, 1), x2 = context.lagged(.grossOutput, 2)
        let e = context.current(.electricity), e1 = context.lagged(.electricity, 1), e2 = context.lagged(.electricity, 2)
        var jump = [Double](repeating: .nan, count: x.count)
        for row in 0..<x.count where x1[row] > 0 && x2[row] > 0 { jump[row] = x[row] / ((x1[row] + x2[row]) / 2) }
        let overall = median(jump.filter { !$0.isNaN })
        for code in context.rowsByClass.keys.sorted() {
            let rows = context.rowsByClass[code]!
            let peers = rows.map { jump[$0] }.filter { !$0.isNaN }
            let classJump = peers.count >= Int(settings.value(Self.minimumPeers)) ? median(peers) : overall
            for row in rows {
                guard !jump[row].isNaN else { result.notEvaluated("no October and November output"); continue }
                let relative = jump[row] / classJump
                guard relative > bound else { result.pass(); continue }
                let powerJump = e[row] / ((e1[row] + e2[row]) / 2)
                if powerJump.isFinite, powerJump > 0, jump[row] / powerJump < band { result.pass(); continue }
                let baseline = (x1[row] + x2[row]) / 2
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: relative, bound: bound), deviation: x[row] - baseline * classJump,
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                result.fail(context.finding(reportRow: row, Self.descriptor, settings, score: score, FindingText(
                    indicator: "gross_output", observed: Figures.amount(x[row]), expected: "≤ \(Figures.amount(baseline * classJump * bound))",
                    zh: "12月工业总产值\(Figures.amount(x[row]))千元，为10-11月均值\(Figures.amount(baseline))的\(Figures.ratio(jump[row]))倍，本行业为\(Figures.ratio(classJump))倍，用电量仅为\(Figures.ratio(powerJump))倍，疑似年底冲量，请核实。",
                    en: "December output \(Figures.amount(x[row])) is \(Figures.ratio(jump[row]))× the October-November mean \(Figures.amount(baseline)), against \(Figures.ratio(classJump))× for its class and \(Figures.ratio(powerJump))× for its electricity: a possible year-end push.")))
            }
        }
    }
}
