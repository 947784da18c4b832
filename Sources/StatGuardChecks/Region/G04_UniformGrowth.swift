import StatGuardCore
import StatGuardIngest

/// G04: many enterprises of a town reporting the same growth rate (指令报送, 代填代报).
///
/// Year-on-year growth of gross output, rounded to 0.1 percentage point, over
/// the town's enterprises with output a year ago. Fires when the most common
/// value is shared by at least `minimum_count` enterprises making at least
/// `minimum_share` of those evaluated: growth handed down, not measured. The
/// town gets one finding, and each enterprise sharing the rate one of its own.
public struct G04_UniformGrowth: Check {
    public static let minimumCount = CheckParameter("minimum_count", default: 4, allowed: 2...1e9, "enterprises sharing one growth rate")
    public static let minimumShare = CheckParameter("minimum_share", default: 0.3, allowed: 0...1, "share of the town's enterprises sharing it")
    public static let descriptor = CheckDescriptor(
        ruleID: "G04", title: "many enterprises of a town report the same growth", titleZh: "乡镇多家企业增速雷同（疑似指令报送）",
        category: .over, defaultSeverity: .warning, parameters: [minimumCount, minimumShare])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let x = context.current(.grossOutput), x12 = context.lagged(.grossOutput, 12)
        var towns: [RegionCode: [Int: Int]] = [:]
        var members: [RegionCode: [Int: [Int]]] = [:]
        var evaluated: [RegionCode: Int] = [:]
        for row in 0..<context.reports.count where x12[row] > 0 && x[row] > 0 {
            // A ratio beyond Int's range (a base of 1e-15) is its own bucket, never a trap.
            guard let permille = ((x[row] / x12[row] - 1) * 1000).rounded().clampedInt else { continue }
            let town = context.reports.regionCodes[row].town
            towns[town, default: [:]][permille, default: 0] += 1
            members[town, default: [:]][permille, default: []].append(row)
            evaluated[town, default: 0] += 1
        }
        let minimumCount = Int(settings.value(Self.minimumCount))
        for town in towns.keys.sorted() {
            let total = evaluated[town]!
            guard total >= minimumCount else { result.notEvaluated("too few enterprises with output a year ago"); continue }
            let (permille, count) = towns[town]!.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
            let share = Double(count) / Double(total)
            guard count >= minimumCount, share >= settings.value(Self.minimumShare) else { result.pass(); continue }
            let code = String(town.description.prefix(9))
            let growth = String(format: "%.1f%%", Double(permille) / 10)
            let score = Scoring.score(
                suspicion: min(5, share / settings.value(Self.minimumShare)), deviation: context.countyTotals.total(.grossOutput, county: town) * share * 0.05,
                total: context.countyTotals.total(.grossOutput, county: town))
            var found = [context.finding(region: code, name: "乡镇 \(code)", Self.descriptor, settings, score: score, FindingText(
                indicator: "gross_output growth", observed: "\(count) of \(total) at \(growth)", expected: "< \(minimumCount) identical",
                zh: "乡镇\(code)有\(count)家企业（占\(Figures.percent(share))）工业总产值同比增速均为\(growth)，疑似按指令填报或代填代报，请逐户核实。",
                en: "Town \(code): \(count) of \(total) enterprises (\(Figures.percent(share))) report exactly \(growth) output growth; growth may have been handed down or filled in for them."))]
            // Each member too, so the statistician phoning the enterprises has one line per call.
            for row in members[town]![permille]! {
                let memberScore = Scoring.score(
                    suspicion: min(5, share / settings.value(Self.minimumShare)), deviation: x[row] - x12[row] * (1 + Double(permille) / 1000) * 0.95,
                    total: context.countyTotals.total(.grossOutput, county: town))
                found.append(context.finding(reportRow: row, Self.descriptor, settings, score: memberScore, FindingText(
                    indicator: "gross_output", observed: growth, expected: "its own measured growth",
                    zh: "工业总产值同比\(growth)（\(Figures.amount(x12[row]))→\(Figures.amount(x[row]))千元），与本乡镇另外\(count - 1)家企业的增速完全相同，疑似按指令填报，请核对企业台账。",
                    en: "Gross output growth \(growth) (\(Figures.amount(x12[row])) → \(Figures.amount(x[row]))) is exactly that of \(count - 1) other enterprises in the town; possibly handed down, check the books.")))
            }
            result.record(found)
        }
    }
}
