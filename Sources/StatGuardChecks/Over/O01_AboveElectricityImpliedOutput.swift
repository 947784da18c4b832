import StatGuardCore

/// O01: output far above what its electricity implies (虚报).
///
/// An enterprise with two or more earlier periods is judged against its own output per kWh
/// (``EnterpriseBaseline``): above `history_high_ratio` times its level net of its class (and
/// `spread_z` of its own spreads), the same period last year (the electricity-implied ratio)
/// agreeing by `agreement` of that, while its electricity did not itself leap above its own
/// level by `electricity_move` (a restart after a shutdown, a new line: output per kWh moves
/// through the plant's base load). Within those bounds, output per kWh above its level by
/// `corroborated_ratio` while its sales per output (产销率) fell under its own by `unsold_ratio`,
/// both in both views, is recorded too (variant `unsold`): output that was neither powered nor
/// sold. Without that history, the electricity-implied output with
/// the industry-class drift (``ElectricityImpliedOutput``) above `high`. A new production line,
/// where electricity rises with output, and a class-wide price boom, absorbed by the class
/// drift and shift, are not flagged; nor is a rebound a year after a shutdown, where only the
/// same period last year is low.
public struct O01_AboveElectricityImpliedOutput: Check {
    public static let high = CheckParameter("high_ratio", default: 1.35, allowed: 1...100, "output / implied output above which it fires (enterprises without two earlier periods)")
    public static let historyHigh = CheckParameter(
        "history_high_ratio", default: 1.25, allowed: 1...100, "output per kWh over the enterprise's own level (net of its class) above which it fires")
    public static let agreement = CheckParameter(
        "agreement", default: 0.5, allowed: 0...1, "share of the departure the same period last year must show too")
    public static let spreadZ = CheckParameter("spread_z", default: 4, allowed: 0...100, "own spreads a departure must also exceed")
    public static let spreadFloor = CheckParameter("spread_floor", default: 0.03, allowed: 0...1, "least relative spread of an enterprise's history")
    public static let electricityMove = CheckParameter(
        "electricity_move", default: 1.5, allowed: 1...100, "electricity above (or below 1/this of) its own level that means the plant itself restarted (stopped)")
    public static let corroborated = CheckParameter(
        "corroborated_ratio", default: 1.08, allowed: 1...100,
        "output per kWh over its own level (both views) above which it fires when its 产销率 fell below its own by unsold_ratio")
    public static let unsold = CheckParameter(
        "unsold_ratio", default: 1.12, allowed: 1...100, "fall of sales / output under its own level (both views) that corroborates corroborated_ratio")
    public static let entry = RuleEntry(
        "O01", category: .over, severity: .warning,
        title: Bilingual(zh: "产值明显高于用电量推算值（疑似虚报）", en: "output above electricity-implied output"),
        meaning: Bilingual(
            zh: "企业填报的产值明显高于按上年同月产值、用电量变化和本行业价格效率变动推算的产值。",
            en: "Reported output is far above what last year's output, the change in electricity and the class's price and efficiency drift imply."),
        why: Bilingual(
            zh: "产值大增而用电基本不变，是虚报产值的典型特征；新增产线（用电同步增长）和全行业价格上涨（行业变动已扣除）不在此列。",
            en: "Output up sharply while electricity is flat is the classic sign of inflation; a new line (power rises too) and a class-wide price boom (absorbed by the drift) are not flagged."),
        ask: Bilingual(
            zh: "请企业提供产品产量、销售发票和电费单，说明产值增长而用电未增的原因。",
            en: "Ask for product quantities, sales invoices and the electricity bill, and why output rose while power use did not."),
        parameters: [high, U03_BelowElectricityImpliedOutput.minimumOutput, U03_BelowElectricityImpliedOutput.minimumElectricity,
                     U03_BelowElectricityImpliedOutput.minimumPeers, historyHigh, agreement, spreadZ, spreadFloor, electricityMove, corroborated, unsold],
        messages: [
          "history": FindingMessage(
            zh: "工业总产值{output:千元}千元，用电量{electricity:万千瓦时}万千瓦时，单位电耗产值为该企业此前常态{level:.2}的{departure:×2}倍（本行业同期变动已扣除；与上年同月相比{year_ago:×2}倍），而用电量未见同步增长，产值疑似虚增，请核实。",
            en: "Gross output {output:千元} thousand yuan on {electricity:万千瓦时} 万kWh: output per kWh is {departure:×2} its own usual {level:.2} (its class's shift removed; {year_ago:×2} against a year ago) while its electricity did not rise alike; output may be inflated.",
            observed: "{output:千元}", expected: "≈ {expected:千元}",
            example: ["output": 16_000, "electricity": 200, "ratio": 80, "level": 55, "departure": 1.45, "year_ago": 1.5, "expected": 11_000]),
          "unsold": FindingMessage(
            zh: "工业总产值{output:千元}千元，用电量{electricity:万千瓦时}万千瓦时，单位电耗产值为该企业此前常态{level:.2}的{departure:×2}倍（本行业同期变动已扣除；与上年同月相比{year_ago:×2}倍），同时产销率降至其常态的{sold_departure:×2}倍：增加的产值既无用电支撑也未销售，产值疑似虚增，请核实。",
            en: "Gross output {output:千元} thousand yuan on {electricity:万千瓦时} 万kWh: output per kWh is {departure:×2} its own usual {level:.2} (its class's shift removed; {year_ago:×2} against a year ago) while its sales per output fell to {sold_departure:×2} its usual: the added output was neither powered nor sold; output may be inflated.",
            observed: "{output:千元}", expected: "≈ {expected:千元}",
            example: ["output": 12_000, "electricity": 200, "ratio": 60, "level": 50, "departure": 1.2, "year_ago": 1.18, "sold_departure": 0.83, "expected": 10_000]),
          "": FindingMessage(
            zh: "工业总产值{output:千元}千元，同比{output_change:%}，而用电量同比{power_change:%}；按用电量和本行业价格效率变动（×{drift:×2}）推算应为{expected:千元}千元，实际明显高于推算值（比值{ratio:×2}），请核实。",
            en: "Gross output {output:千元} thousand yuan is {output_change:%} year on year while electricity is {power_change:%}; electricity and the class drift (×{drift:×2}) imply {expected:千元}, so output is far above it (ratio {ratio:×2}).",
            observed: "{output:千元}", expected: "{expected:千元} (≤ ×{bound:×2})",
            example: ["output": 16_000, "output_change": 0.6, "power_change": 0.01, "drift": 1.02, "expected": 10_200, "ratio": 1.57, "bound": 1.35]),
        ])

    public static let baselines: [EnterpriseBaseline.Ratio] = ElectricityImpliedOutput.baselines + [.salesPerOutput]
    public static let history: HistoryNeeds = ElectricityImpliedOutput.history.union(EnterpriseBaseline.Ratio.history(of: baselines))

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let implied = ElectricityImpliedOutput(
            context, minimumOutput: settings.value(U03_BelowElectricityImpliedOutput.minimumOutput),
            minimumElectricity: settings.value(U03_BelowElectricityImpliedOutput.minimumElectricity),
            minimumPeers: settings.count(U03_BelowElectricityImpliedOutput.minimumPeers))
        ElectricityImpliedOutput.report(
            implied, context: context, settings: settings, entry: Self.entry, bound: settings.value(Self.high),
            history: settings.value(Self.historyHigh), below: false,
            unsold: (settings.value(Self.corroborated), settings.value(Self.unsold)), into: &result)
    }
}
