import StatGuardCore

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
    public static let entry = RuleEntry(
        "G02", category: .over, severity: .warning,
        title: Bilingual(zh: "乡镇产值增速明显高于用电增速", en: "town output growth above its electricity"),
        meaning: Bilingual(
            zh: "乡镇内企业产值与按用电量推算值之比的中位数明显大于1：全镇产值普遍比用电增长得快。另逐户列出拉高该比值的企业。",
            en: "The median over a town's enterprises of output over electricity-implied output is well above 1: output outgrows power across the town. Each member carrying it is listed too."),
        why: Bilingual(
            zh: "整镇统一虚增产值时，单户偏离不一定很大，但用电量不会跟着增长；这是区域性造假的信号。",
            en: "When a whole town inflates, each enterprise may depart only a little, but power does not follow; a sign of falsification across the town."),
        ask: Bilingual(
            zh: "请核查该乡镇的产值汇总过程，逐户核实被列出企业的产值和用电。",
            en: "Review how the town's figures were compiled, and verify output and power of each listed enterprise."),
        parameters: [high, minimumEnterprises, U03_BelowElectricityImpliedOutput.minimumOutput,
                     U03_BelowElectricityImpliedOutput.minimumElectricity, U03_BelowElectricityImpliedOutput.minimumPeers],
        messages: [
            "": FindingMessage(
                zh: "乡镇{town:region}的{count:int}家企业产值与按用电量推算值之比的中位数为{ratio:×2}（合计产值{output:千元}千元，推算{expected:千元}），产值增长普遍快于用电，疑似整体虚增，请核查。",
                en: "Town {town:region}: the median of its {count:int} enterprises' output over electricity-implied output is {ratio:×2} (total {output:千元} against {expected:千元} implied); output outgrows power across the town.",
                observed: "{output:千元}", expected: "≤ {limit:千元}",
                example: ["town": "511703001", "count": 18, "ratio": 1.26, "output": 480_000, "expected": 380_000, "limit": 456_000]),
            "member": FindingMessage(
                zh: "工业总产值{output:千元}千元，为按用电量推算值{expected:千元}的{ratio:×2}倍；所在乡镇{town:region}产值整体明显快于用电（中位数{town_ratio:×2}倍），请逐户核实。",
                en: "Gross output {output:千元} is {ratio:×2}× what its electricity implies, in town {town:region} whose output outgrows power as a whole (median {town_ratio:×2}×); verify.",
                observed: "{output:千元}", expected: "≤ {limit:千元}",
                example: ["output": 36_000, "expected": 27_000, "ratio": 1.33, "town": "511703001", "town_ratio": 1.26, "limit": 29_700]),
        ])

    public static let history: HistoryNeeds = ElectricityImpliedOutput.history

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let implied = ElectricityImpliedOutput(
            context, minimumOutput: settings.value(U03_BelowElectricityImpliedOutput.minimumOutput),
            minimumElectricity: settings.value(U03_BelowElectricityImpliedOutput.minimumElectricity),
            minimumPeers: settings.count(U03_BelowElectricityImpliedOutput.minimumPeers))
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
            guard sums.ratios.count >= settings.count(Self.minimumEnterprises), sums.expected > 0 else {
                result.notEvaluated("too few enterprises with history in the town"); continue
            }
            let ratio = median(sums.ratios)
            guard ratio > bound else { result.pass(); continue }
            let code = town.townCode
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: ratio, bound: bound), deviation: sums.output - sums.output / ratio,
                total: context.countyTotals.total(.grossOutput, county: town))
            var found = [context.finding(region: code, name: "乡镇 \(code)", Self.entry, settings, score: score, FindingFacts(indicator: "gross_output", [
                "town": .text(code), "count": .number(Double(sums.ratios.count)), "ratio": .number(ratio), "output": .number(sums.output),
                "expected": .number(sums.expected), "limit": .number(sums.expected * bound),
            ]))]
            // The members carrying the town's ratio, each a line to phone (those above half the bound's excess).
            let memberBound = 1 + (bound - 1) / 2
            for (row, memberRatio) in zip(sums.rows, sums.ratios) where memberRatio > memberBound {
                let memberScore = Scoring.score(
                    suspicion: Scoring.suspicion(value: memberRatio, bound: memberBound), deviation: x[row] - implied.expected[row],
                    total: context.countyTotals.total(.grossOutput, county: town))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: memberScore, FindingFacts(indicator: "gross_output", variant: "member", [
                    "output": .number(x[row]), "expected": .number(implied.expected[row]), "ratio": .number(memberRatio),
                    "town": .text(code), "town_ratio": .number(ratio), "limit": .number(implied.expected[row] * memberBound),
                ])))
            }
            result.record(found)
        }
    }
}
