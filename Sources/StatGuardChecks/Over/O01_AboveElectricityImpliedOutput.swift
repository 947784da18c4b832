import StatGuardCore
import StatGuardIngest

/// O01: output far above what its electricity implies (虚报).
///
/// Uses the electricity-implied output with the industry-class drift
/// (``ElectricityImpliedOutput``); fires when output / expected > `high`. A new
/// production line, where electricity rises with output, and a class-wide price
/// boom, absorbed by the class drift, are not flagged.
public struct O01_AboveElectricityImpliedOutput: Check {
    public static let high = CheckParameter("high_ratio", default: 1.35, allowed: 1...100, "output / implied output above which it fires")
    public static let descriptor = CheckDescriptor(
        ruleID: "O01", title: "output above electricity-implied output", titleZh: "产值明显高于用电量推算值（疑似虚报）",
        category: .over, defaultSeverity: .warning,
        parameters: [high, U03_BelowElectricityImpliedOutput.minimumOutput, U03_BelowElectricityImpliedOutput.minimumElectricity,
                     U03_BelowElectricityImpliedOutput.minimumPeers])

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let implied = ElectricityImpliedOutput(
            context, minimumOutput: settings.value(U03_BelowElectricityImpliedOutput.minimumOutput),
            minimumElectricity: settings.value(U03_BelowElectricityImpliedOutput.minimumElectricity),
            minimumPeers: Int(settings.value(U03_BelowElectricityImpliedOutput.minimumPeers)))
        ElectricityImpliedOutput.report(
            implied, context: context, settings: settings, descriptor: Self.descriptor, bound: settings.value(Self.high),
            below: false, into: &result)
    }
}
