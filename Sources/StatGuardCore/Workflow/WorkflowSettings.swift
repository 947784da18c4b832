/// A pipeline's `workflow:` settings: how decisions on alert keys carry over.
public struct WorkflowSettings: Sendable, Equatable {
    /// How far (as a share of the decided value) next period's value may move for an
    /// `explained` or `false_alarm` decision to still hold. Default 0.2 (±20%).
    public var carryOverBand: Double

    public init(carryOverBand: Double = Self.defaultBand) {
        self.carryOverBand = carryOverBand
    }

    public static let defaultBand = 0.2
    /// The values a pipeline file may set.
    public static let allowedBand: ClosedRange<Double> = 0...10
}
