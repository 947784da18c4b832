/// How many anomalies and hard negatives of each kind to plant: the one place to tune them.
///
/// Counts are events per 1,000 enterprises (so they scale with `--enterprises`),
/// rounded, with at least ``minimum``; ``fixed`` overrides a kind's count exactly
/// (tests use it). An event is one enterprise (one group for `duplicate_bundling`,
/// one town for the region kinds); most events span one period, some several
/// (see ``AnomalyPlanner``). Events need eligible enterprises: when too few exist
/// (say no December in the window for `year_end_push`), fewer are planted and the
/// plan says so.
public struct AnomalyCounts: Sendable {
    /// Events per 1,000 enterprises, per kind.
    public var perThousand: [AnomalyKind: Double] = [
        .inflation: 15, .yearEndPush: 8, .overCapacity: 8, .taxMismatch: 8, .gridMismatch: 8,
        .loweredBase: 10, .shellEnterprise: 5, .stoppedButReporting: 6, .duplicateBundling: 4,
        .deflation: 12, .missingReport: 12, .unregisteredAboveThreshold: 6, .taxUnder: 8, .zeroOutput: 6,
        .unitX10: 6, .unitX1000: 6, .unitDiv10: 6,
        .copiedFigures: 8, .brokenYTDChain: 8, .exportExceedsSales: 6,
        .townInflation: 0.02, .townGrowthHandedDown: 0.02,
        .badCheckCharacter: 4, .excelMangledCode: 4, .missingRequired: 4, .nonIndustrialClass: 3,
        .negativeValue: 4, .duplicateRow: 4, .wrongPeriod: 3, .badNumber: 4, .badRegionCode: 3,
    ]
    /// Exact counts that replace the rate for a kind.
    public var fixed: [AnomalyKind: Int] = [:]
    /// The least number of events of each kind when the rate gives fewer (one town for the region kinds).
    public var minimum = 3
    /// Hard negatives per 1,000 enterprises (the class-wide price boom has no count: it takes every 2521 enterprise).
    public var maintenanceShutdownsPerThousand = 10.0
    public var newLinesPerThousand = 8.0
    /// Exact hard-negative counts (tests).
    public var fixedMaintenanceShutdowns: Int?
    public var fixedNewLines: Int?
    /// Anomalies go into the last this-many written periods (at most 11, so that the
    /// 上年同期 of every anomalous period was itself clean).
    public var windowPeriods = 10
    /// The common factor range of `town_inflation` and the handed-down growth rates of `town_growth_handed_down`.
    public var townInflationFactor: ClosedRange<Double> = 1.3...1.6
    public var handedDownGrowthRates: [Double] = [0.065, 0.08, 0.085, 0.10, 0.12]

    public init() {}

    /// The number of events of `kind` for `enterprises` enterprises.
    public func count(_ kind: AnomalyKind, enterprises: Int) -> Int {
        if let exact = fixed[kind] { return exact }
        let rate = perThousand[kind] ?? 0
        return max(kind.isRegionLevel ? 1 : minimum, Int((rate * Double(enterprises) / 1000).rounded()))
    }

    func maintenanceShutdowns(enterprises: Int) -> Int {
        fixedMaintenanceShutdowns ?? max(minimum, Int((maintenanceShutdownsPerThousand * Double(enterprises) / 1000).rounded()))
    }

    func newLines(enterprises: Int) -> Int {
        fixedNewLines ?? max(minimum, Int((newLinesPerThousand * Double(enterprises) / 1000).rounded()))
    }
}
