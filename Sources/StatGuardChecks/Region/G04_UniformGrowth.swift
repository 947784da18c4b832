import StatGuardCore

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
    public static let entry = RuleEntry(
        "G04", category: .over, severity: .warning,
        title: Bilingual(zh: "乡镇多家企业增速雷同（疑似指令报送）", en: "many enterprises of a town report the same growth"),
        meaning: Bilingual(
            zh: "乡镇内多家企业（数量和占比均超过界限）的工业总产值同比增速精确到千分位完全相同。另逐户列出这些企业。",
            en: "Many of a town's enterprises (beyond both a count and a share) report exactly the same output growth, to the permille. Each is listed too."),
        why: Bilingual(
            zh: "独立核算的企业增速不会恰好相同；这通常是增速由上级下达或代填代报的迹象。",
            en: "Enterprises keeping their own books do not grow at exactly one rate; growth handed down, or reports filled in for them, does."),
        ask: Bilingual(
            zh: "请逐户核对企业台账，了解报表由谁填报。", en: "Check each enterprise's books and who filled in its report."),
        parameters: [minimumCount, minimumShare],
        messages: [
            "": FindingMessage(
                zh: "乡镇{town:region}有{count:int}家企业（占{share:%}）工业总产值同比增速均为{growth:%}，疑似按指令填报或代填代报，请逐户核实。",
                en: "Town {town:region}: {count:int} of {total:int} enterprises ({share:%}) report exactly {growth:%} output growth; growth may have been handed down or filled in for them.",
                observed: "{count:int} of {total:int} at {growth:%}", expected: "< {minimum:int} identical",
                example: ["town": "511703001", "count": 6, "total": 14, "share": 0.43, "growth": 0.08, "minimum": 4]),
            "member": FindingMessage(
                zh: "工业总产值同比{growth:%}（{output_ly:千元}→{output:千元}千元），与本乡镇另外{others:int}家企业的增速完全相同，疑似按指令填报，请核对企业台账。",
                en: "Gross output growth {growth:%} ({output_ly:千元} → {output:千元}) is exactly that of {others:int} other enterprises in the town; possibly handed down, check the books.",
                observed: "{growth:%}", expected: "its own measured growth",
                example: ["growth": 0.08, "output_ly": 10_000, "output": 10_800, "others": 5]),
        ])

    public static let history: HistoryNeeds = .reports(["gross_output"], lags: [12])

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
        let minimumCount = settings.count(Self.minimumCount)
        for town in towns.keys.sorted() {
            let total = evaluated[town]!
            guard total >= minimumCount else { result.notEvaluated("too few enterprises with output a year ago"); continue }
            let (permille, count) = towns[town]!.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
            let share = Double(count) / Double(total)
            guard count >= minimumCount, share >= settings.value(Self.minimumShare) else { result.pass(); continue }
            let code = town.townCode
            let growth = Double(permille) / 1000
            let score = Scoring.score(
                suspicion: Scoring.capped(share / settings.value(Self.minimumShare)), deviation: context.countyTotals.total(.grossOutput, county: town) * share * 0.05,
                total: context.countyTotals.total(.grossOutput, county: town))
            var found = [context.finding(region: code, name: "乡镇 \(code)", Self.entry, settings, score: score, FindingFacts(indicator: "gross_output growth", [
                "town": .text(code), "count": .number(Double(count)), "total": .number(Double(total)), "share": .number(share),
                "growth": .number(growth), "minimum": .number(Double(minimumCount)),
            ]))]
            // Each member too, so the statistician phoning the enterprises has one line per call.
            for row in members[town]![permille]! {
                let memberScore = Scoring.score(
                    suspicion: Scoring.capped(share / settings.value(Self.minimumShare)), deviation: x[row] - x12[row] * (1 + Double(permille) / 1000) * 0.95,
                    total: context.countyTotals.total(.grossOutput, county: town))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: memberScore, FindingFacts(indicator: "gross_output", variant: "member", [
                    "growth": .number(growth), "output_ly": .number(x12[row]), "output": .number(x[row]), "others": .number(Double(count - 1)),
                ])))
            }
            result.record(found)
        }
    }
}
