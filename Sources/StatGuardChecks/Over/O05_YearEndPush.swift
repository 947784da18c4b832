import StatGuardCore

/// O05: a December spike far above October-November and the class (年底冲量).
///
/// Evaluated in December only. r = December output / median(September, October,
/// November) (a median, so that one stopped or misreported month does not make
/// December look like a jump); fires when r exceeds the class median of r (at least
/// `minimum_peers` members, else all enterprises) by the factor `high_ratio`, unless
/// electricity rose alike (within `explained_band`). An enterprise with two or more
/// earlier periods must also stand above its own level (``EnterpriseBaseline`` of its
/// output, last December counted twice, net of its class) by `agreement` of that
/// factor: a December that only looks high because October and November were low
/// (a deflation, a shutdown) is not a push.
public struct O05_YearEndPush: Check {
    public static let high = CheckParameter("high_ratio", default: 1.5, allowed: 1...100, "December jump over the class's, above which it fires")
    public static let minimumPeers = CheckParameter("minimum_peers", default: 5, allowed: 1...10_000, "class members needed for a class median")
    public static let entry = RuleEntry(
        "O05", category: .over, severity: .warning,
        title: Bilingual(zh: "12月产值突增（疑似年底冲量）", en: "December spike (year-end push)"),
        meaning: Bilingual(
            zh: "12月工业总产值相对10-11月均值的跃升远大于本行业的跃升，且用电量没有同步跃升。",
            en: "December output jumps over the October-November mean far more than its class does, and its electricity did not jump alike."),
        why: Bilingual(
            zh: "为完成年度目标在12月突击填报产值（年底冲量）是常见的造假方式，会虚增全年累计。",
            en: "Pushing output into December to meet the year's target is a common falsification that inflates the whole year's total."),
        ask: Bilingual(
            zh: "请企业提供12月的产品产量、出库单和销售发票，以及用电量。",
            en: "Ask for December's product quantities, delivery notes, sales invoices and electricity."),
        parameters: [high, minimumPeers, O04_YearOnYearOutlier.explainedBand, O01_AboveElectricityImpliedOutput.agreement],
        messages: ["": FindingMessage(
            zh: "12月工业总产值{output:千元}千元，为9-11月中位数{baseline:千元}的{jump:×2}倍，本行业为{class_jump:×2}倍，用电量仅为{power_jump:×2}倍，疑似年底冲量，请核实。",
            en: "December output {output:千元} is {jump:×2}× the September-November median {baseline:千元}, against {class_jump:×2}× for its class and {power_jump:×2}× for its electricity: a possible year-end push.",
            observed: "{output:千元}", expected: "≤ {limit:千元}",
            example: ["output": 30_000, "baseline": 12_000, "jump": 2.5, "class_jump": 1.08, "power_jump": 1.02, "limit": 19_440])])

    public static let baselines: [EnterpriseBaseline.Ratio] = [.output]
    public static let history: HistoryNeeds = HistoryNeeds.reports(["gross_output", "electricity"], lags: [1, 2, 3])
        .union(EnterpriseBaseline.Ratio.history(of: baselines))

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        guard context.period.month == 12 else {
            result.skipped = "evaluated in December only"
            return
        }
        let bound = settings.value(Self.high)
        let band = settings.value(O04_YearOnYearOutlier.explainedBand)
        let x = context.current(.grossOutput), x1 = context.lagged(.grossOutput, 1), x2 = context.lagged(.grossOutput, 2)
        let x3 = context.lagged(.grossOutput, 3)
        let e = context.current(.electricity), e1 = context.lagged(.electricity, 1), e2 = context.lagged(.electricity, 2)
        let e3 = context.lagged(.electricity, 3)
        let own = context.baseline(.output)
        let agreement = 1 + (bound - 1) * settings.value(O01_AboveElectricityImpliedOutput.agreement)
        var jump = [Double](repeating: .nan, count: x.count)
        var baselines = [Double](repeating: .nan, count: x.count)
        for row in 0..<x.count where x1[row] > 0 && x2[row] > 0 {
            baselines[row] = positiveMedian(x1[row], x2[row], x3[row], .nan)
            jump[row] = x[row] / baselines[row]
        }
        let overall = median(jump.filter { !$0.isNaN })
        for code in context.rowsByClass.keys.sorted() {
            let rows = context.rowsByClass[code]!
            let peers = rows.map { jump[$0] }.filter { !$0.isNaN }
            let classJump = peers.count >= settings.count(Self.minimumPeers) ? median(peers) : overall
            for row in rows {
                guard !jump[row].isNaN else { result.notEvaluated("no October and November output"); continue }
                let relative = jump[row] / classJump
                guard relative > bound else { result.pass(); continue }
                let powerJump = e[row] / positiveMedian(e1[row], e2[row], e3[row], .nan)
                if powerJump.isFinite, powerJump > 0, jump[row] / powerJump < band { result.pass(); continue }
                // Above its own usual level too (last December counted twice), not only above low autumn months.
                if own.has(row), !(own.departure[row] > agreement) { result.pass(); continue }
                let baseline = baselines[row]
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: relative, bound: bound), deviation: x[row] - baseline * classJump,
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: "gross_output", [
                    "output": .number(x[row]), "baseline": .number(baseline), "jump": .number(jump[row]),
                    "class_jump": .number(classJump), "power_jump": .number(powerJump), "limit": .number(baseline * classJump * bound),
                ])))
            }
        }
    }
}
