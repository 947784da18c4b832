import StatGuardCore

/// U03: output far below what its electricity implies (少报).
///
/// An enterprise with two or more earlier periods is judged against its own output per kWh
/// (``EnterpriseBaseline``): below `history_low_ratio` of its level net of its class, the same
/// period last year (the electricity-implied ratio) agreeing, while its electricity did not
/// collapse too (see ``ElectricityImpliedOutput/report(_:context:settings:entry:bound:history:below:into:)``).
/// Without that history, the electricity-implied output with the industry-class drift
/// (``ElectricityImpliedOutput``) below `low`. A shutdown, where electricity falls with output
/// (even keeping a base load), is not flagged; zero output is not evaluated here but by U05
/// (stopped, or running without output).
public struct U03_BelowElectricityImpliedOutput: Check {
    public static let low = CheckParameter("low_ratio", default: 0.6, allowed: 0.01...1, "output / implied output below which it fires")
    public static let minimumOutput = CheckParameter("minimum_output", default: 100, allowed: 0...1e9, "output a year ago (千元) needed")
    public static let minimumElectricity = CheckParameter("minimum_electricity", default: 1, allowed: 0...1e9, "electricity (万千瓦时) needed now and a year ago")
    public static let minimumPeers = CheckParameter("minimum_peers", default: 5, allowed: 1...1000, "class members needed for a class drift")
    public static let historyLow = CheckParameter(
        "history_low_ratio", default: 0.8, allowed: 0.01...1, "output per kWh under the enterprise's own level (net of its class) below which it fires")
    public static let entry = RuleEntry(
        "U03", category: .under, severity: .warning,
        title: Bilingual(zh: "产值明显低于用电量推算值（疑似少报）", en: "output below electricity-implied output"),
        meaning: Bilingual(
            zh: "按上年同月产值、用电量变化和本行业价格效率变动推算的产值，明显高于企业填报的产值。",
            en: "Output implied by last year's output, the change in electricity and the class's price and efficiency drift is far above the reported output."),
        why: Bilingual(
            zh: "用电量由电表计量，难以造假；用电照常而产值大降，常见于少报、瞒报产值。",
            en: "Electricity is metered and hard to fake; power used as usual while output falls sharply is the classic sign of under-reporting."),
        ask: Bilingual(
            zh: "请企业提供产品产量、出入库单和销售发票，说明产值下降而用电未降的原因。",
            en: "Ask for product quantities, stock movements and sales invoices, and why output fell while power use did not."),
        parameters: [low, minimumOutput, minimumElectricity, minimumPeers, historyLow, O01_AboveElectricityImpliedOutput.agreement,
                     O01_AboveElectricityImpliedOutput.spreadZ, O01_AboveElectricityImpliedOutput.spreadFloor, O01_AboveElectricityImpliedOutput.electricityMove],
        messages: [
          "history": FindingMessage(
            zh: "工业总产值{output:千元}千元，用电量{electricity:万千瓦时}万千瓦时，单位电耗产值为该企业此前常态{level:.2}的{departure:×2}倍（本行业同期变动已扣除；与上年同月相比{year_ago:×2}倍），而用电量未见同步下降，产值疑似少报，请核实。",
            en: "Gross output {output:千元} thousand yuan on {electricity:万千瓦时} 万kWh: output per kWh is {departure:×2} its own usual {level:.2} (its class's shift removed; {year_ago:×2} against a year ago) while its electricity did not fall alike; output may be under-reported.",
            observed: "{output:千元}", expected: "≈ {expected:千元}",
            example: ["output": 4_000, "electricity": 200, "ratio": 20, "level": 27, "departure": 0.74, "year_ago": 0.72, "expected": 5_400]),
          "": FindingMessage(
            zh: "工业总产值{output:千元}千元，同比{output_change:%}，而用电量同比{power_change:%}；按用电量和本行业价格效率变动（×{drift:×2}）推算应为{expected:千元}千元，实际明显低于推算值（比值{ratio:×2}），请核实。",
            en: "Gross output {output:千元} thousand yuan is {output_change:%} year on year while electricity is {power_change:%}; electricity and the class drift (×{drift:×2}) imply {expected:千元}, so output is far below it (ratio {ratio:×2}).",
            observed: "{output:千元}", expected: "{expected:千元} (≥ ×{bound:×2})",
            example: ["output": 4_000, "output_change": -0.6, "power_change": 0.02, "drift": 1.03, "expected": 10_300, "ratio": 0.39, "bound": 0.6]),
        ])

    public static let history: HistoryNeeds = ElectricityImpliedOutput.history
    public static let baselines = ElectricityImpliedOutput.baselines

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let implied = ElectricityImpliedOutput(
            context, minimumOutput: settings.value(Self.minimumOutput),
            minimumElectricity: settings.value(Self.minimumElectricity), minimumPeers: settings.count(Self.minimumPeers))
        ElectricityImpliedOutput.report(
            implied, context: context, settings: settings, entry: Self.entry, bound: settings.value(Self.low),
            history: settings.value(Self.historyLow), below: true, into: &result)
    }
}

extension ElectricityImpliedOutput {
    /// Records the rows beyond the bounds (below them when `below`) as findings of `entry`.
    ///
    /// An enterprise with a baseline of output per electricity (``EnterpriseBaseline``) is judged
    /// on it: output per kWh departs from its own level by `history` (and `spread_z` own spreads),
    /// net of its class, the same period last year agreeing by `agreement` of that (which is the
    /// electricity-implied ratio), and its electricity itself did not leap or collapse against its
    /// own level (`electricity_move`): a restart or a shutdown moves output per kWh through a
    /// plant's base load, while inflation and under-reporting leave the meter where it was.
    /// Without a baseline, the electricity-implied ratio against `bound` alone (DOMAIN.md's test).
    ///
    /// With `unsold` (O01), a row that stays within those bounds is still recorded (variant `unsold`) when its
    /// output per kWh is above its own level by `unsold.output` and its sales per output (产销率) below its own
    /// level by `unsold.sales`, both in both views, its electricity unmoved: output rose with neither the power
    /// to make it nor the sales to sell it. A real rise in production moves electricity; a real build-up of
    /// stock is made with power too.
    static func report(
        _ implied: ElectricityImpliedOutput, context: CheckContext, settings: CheckSettings, entry: RuleEntry,
        bound: Double, history: Double, below: Bool, unsold: (output: Double, sales: Double)? = nil, into result: inout CheckResult
    ) {
        let x = context.current(.grossOutput)
        let e = context.current(.electricity)
        let e12 = context.lagged(.electricity, 12)
        let x12 = context.lagged(.grossOutput, 12)
        let own = context.baseline(.outputPerElectricity), power = context.baseline(.electricity)
        let sold = unsold.map { _ in context.baseline(.salesPerOutput) }
        let share = settings.value(O01_AboveElectricityImpliedOutput.agreement)
        let (z, floor) = (settings.value(O01_AboveElectricityImpliedOutput.spreadZ), settings.value(O01_AboveElectricityImpliedOutput.spreadFloor))
        let move = settings.value(O01_AboveElectricityImpliedOutput.electricityMove)
        let minimumElectricity = settings.value(U03_BelowElectricityImpliedOutput.minimumElectricity)
        result.notes.append(own.note)
        for row in 0..<context.reports.count {
            if own.has(row), x[row] > 0, e[row] >= minimumElectricity {
                let ownBound = below ? own.lowerBound(row, most: history, z: z, floor: floor) : own.upperBound(row, least: history, z: z, floor: floor)
                let agreement = 1 + (ownBound - 1) * share
                // A shutdown or a new line a year ago makes that month no yardstick for output per kWh.
                let comparable = power.ranAlikeYearAgo(row, within: move)
                let departs = below
                    ? own.departsDown(row, bound: ownBound, agreement: agreement, yearComparable: comparable)
                    : own.departsUp(row, bound: ownBound, agreement: agreement, yearComparable: comparable)
                // Within its bounds, output per kWh up while its 产销率 fell: the bound it passed and that fall.
                var corroboration: (bound: Double, sold: Double)?
                if !departs, let unsold, let sold, sold.has(row),
                   own.departsUpInBoth(row, bound: unsold.output, yearComparable: comparable),
                   sold.departsDownInBoth(row, bound: 1 / unsold.sales) {
                    corroboration = (unsold.output, sold.departure[row])
                }
                guard departs || corroboration != nil else { result.pass(); continue }
                // The plant itself ran differently: a shutdown (down) or a restart (up) shifts output per kWh through its base load.
                let powerMoved = below ? power.departure[row] < 1 / move : power.departure[row] > move
                guard !powerMoved else { result.pass(); continue }
                let d = own.departure[row]
                let expected = x[row] / d
                let score = Scoring.score(
                    suspicion: Scoring.suspicion(value: d, bound: corroboration?.bound ?? ownBound), deviation: x[row] - expected,
                    total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                var slots: FindingSlots = [
                    "output": .number(x[row]), "electricity": .number(e[row]), "ratio": .number(x[row] / e[row]), "level": .number(own.level[row]),
                    "departure": .number(d), "year_ago": .number(own.yearAgo[row]), "expected": .number(expected),
                ]
                if let corroboration { slots["sold_departure"] = .number(corroboration.sold) }
                result.fail(context.finding(
                    reportRow: row, entry, settings, score: score, FindingFacts(indicator: "gross_output", variant: corroboration == nil ? "history" : "unsold", slots)))
                continue
            }
            if let reason = implied.skipReason[row] { result.notEvaluated(reason); continue }
            let ratio = implied.ratio[row]
            guard below ? ratio < bound : ratio > bound else { result.pass(); continue }
            let expected = implied.expected[row]
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: ratio, bound: bound), deviation: x[row] - expected,
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, entry, settings, score: score, FindingFacts(indicator: "gross_output", [
                "output": .number(x[row]), "output_change": .number(x[row] / x12[row] - 1),
                "power_change": .number(e[row] / e12[row] - 1), "drift": .number(implied.drift[row]), "expected": .number(expected),
                "ratio": .number(ratio), "bound": .number(bound),
            ])))
        }
    }
}
