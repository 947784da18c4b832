import StatGuardCore
import StatGuardIngest

/// G02: a town whose output grows far faster than its electricity implies.
///
/// Over the town's enterprises with electricity-implied output (see O01), the
/// median of their output / implied output; fires above `high_ratio` when at
/// least `minimum_enterprises` take part. The median makes it a test of the town
/// moving together: one enterprise's inflation or unit error (its own O01 or N01
/// finding) does not carry the town. The class drift in the implied output keeps
/// a price boom in a town's main industry from flagging it. When a town fires,
/// each member above half the bound's excess gets a finding of its own.
public struct G02_RegionGrowthAboveElectricity: Check {
    public static let high = CheckParameter("high_ratio", default: 1.2, allowed: 1...100, "median output / implied output of the town's enterprises above which it fires")
    public static let minimumEnterprises = CheckParameter("minimum_enterprises", default: 5, allowed: 1...1e9, "enterprises needed in the town")
    public static let descriptor = CheckDescriptor(
        ruleID: "G02", title: "town output growth above its electricity", titleZh: "乡镇产值增速明显高于用电增速",
        category: .over, defaultSeverity: .warning,
        parameters: [high, minimumEnterprises, U03_BelowElectricityImpliedOutput.minimumOutput,
                     U03_BelowElectricityImpliedOutput.minimumElectricity, U03_BelowElectricityImpliedOutput.minimumPeers])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let implied = ElectricityImpliedOutput(
            context, minimumOutput: settings.value(U03_BelowElectricityImpliedOutput.minimumOutput),
            minimumElectricity: settings.value(U03_BelowElectricityImpliedOutput.minimumElectricity),
            minimumPeers: Int(settings.value(U03_BelowElectricityImpliedOutput.minimumPeers)))
        let bound = settings.value(Self.high)
        let x = context.current(.grossOutput)
        var towns: [RegionCode: (output: Double, expected: Double, ratios: [Double], rows: [Int])] = [:]
        for row in 0..<context.reports.count where !implied.expected[row].isNaN {
            let town = context.reports.regionCodes[row].town
            towns[town, default: (0, 0, [], [])].output += x[row]
            towns[town, default: (0, 0, [], [])].expected += implied.expected[row]
            towns[town, default: (0, 0, [], [])].ratios.append(implied.ratio[row])
            towns[town, default: (0, 0, [], [])].rows.append(row)
        }
        for town in towns.keys.sorted() {
            let sums = towns[town]!
            guard sums.ratios.count >= Int(settings.value(Self.minimumEnterprises)), sums.expected > 0 else {
                result.notEvaluated("too few enterprises with history in the town"); continue
            }
            let ratio = median(sums.ratios)
            guard ratio > bound else { result.pass(); continue }
            let code = String(town.description.prefix(9))
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: ratio, bound: bound), deviation: sums.output - sums.output / ratio,
                total: context.countyTotals.total(.grossOutput, county: town))
            var found = [context.finding(region: code, name: "乡镇 \(code)", Self.descriptor, settings, score: score, FindingText(
                indicator: "gross_output", observed: StatGuardChecks.Figures.amount(sums.output), expected: "≤ \(StatGuardChecks.Figures.amount(sums.expected * bound))",
                zh: "乡镇\(code)的\(sums.ratios.count)家企业产值与按用电量推算值之比的中位数为\(StatGuardChecks.Figures.ratio(ratio))（合计产值\(StatGuardChecks.Figures.amount(sums.output))千元，推算\(StatGuardChecks.Figures.amount(sums.expected))），产值增长普遍快于用电，疑似整体虚增，请核查。",
                en: "Town \(code): the median of its \(sums.ratios.count) enterprises' output over electricity-implied output is \(StatGuardChecks.Figures.ratio(ratio)) (total \(StatGuardChecks.Figures.amount(sums.output)) against \(StatGuardChecks.Figures.amount(sums.expected)) implied); output outgrows power across the town."))]
            // The members carrying the town's ratio, each a line to phone (those above half the bound's excess).
            let memberBound = 1 + (bound - 1) / 2
            for (row, memberRatio) in zip(sums.rows, sums.ratios) where memberRatio > memberBound {
                let memberScore = Scoring.score(
                    suspicion: Scoring.suspicion(value: memberRatio, bound: memberBound), deviation: x[row] - implied.expected[row],
                    total: context.countyTotals.total(.grossOutput, county: town))
                found.append(context.finding(reportRow: row, Self.descriptor, settings, score: memberScore, FindingText(
                    indicator: "gross_output", observed: StatGuardChecks.Figures.amount(x[row]),
                    expected: "≤ \(StatGuardChecks.Figures.amount(implied.expected[row] * memberBound))",
                    zh: "工业总产值\(StatGuardChecks.Figures.amount(x[row]))千元，为按用电量推算值\(StatGuardChecks.Figures.amount(implied.expected[row]))的\(StatGuardChecks.Figures.ratio(memberRatio))倍；所在乡镇\(code)产值整体明显快于用电（中位数\(StatGuardChecks.Figures.ratio(ratio))倍），请逐户核实。",
                    en: "Gross output \(StatGuardChecks.Figures.amount(x[row])) is \(StatGuardChecks.Figures.ratio(memberRatio))× what its electricity implies, in town \(code) whose output outgrows power as a whole (median \(StatGuardChecks.Figures.ratio(ratio))×); verify.")))
            }
            result.record(found)
        }
    }
}
