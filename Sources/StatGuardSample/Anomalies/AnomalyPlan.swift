import StatGuardCore

/// One planted anomaly: an enterprise (or, for region rows, a town) in one period.
struct PlannedAnomaly: Sendable {
    var kind: AnomalyKind
    /// The enterprise, or -1 for the region row of a town-level anomaly.
    var entity: Int32
    var period: Int32
    /// The size drawn for it (inflation factor, handed-down growth rate, …).
    var factor: Double
    /// For `duplicate_bundling`: the enterprise whose figures are copied.
    var partner: Int32 = -1
    /// For region kinds: the town (index into ``Geography/towns``).
    var town: Int32 = -1
    /// For structural faults: the file the faulty row goes into.
    var file: FileKind = .reports
    /// Which figures it touches (`standard` unless `--variation mixed`).
    var shape: AnomalyShape = .standard
}

/// A row of `negatives.csv`: a legitimate event planted to look like an anomaly.
struct NegativeRow: Sendable {
    var kind: NegativeKind
    var entity: Int32
    var period: Int32
    var indicator: String
    var factor: Double
}

/// Everything the planner decided, indexed by period for the simulation.
struct AnomalyPlan: Sendable {
    var anomalies: [PlannedAnomaly] = []
    var negatives: [NegativeRow] = []
    /// Events wanted and planted per kind (an event is an enterprise, a group or a town).
    var wanted: [AnomalyKind: Int] = [:]
    var planted: [AnomalyKind: Int] = [:]
    /// Enterprises the anomalies cannot touch (hard negatives, anomalies already placed).
    var used: [Bool] = []

    /// Anomaly indices per period.
    func byPeriod() -> [Int32: [Int]] {
        var result: [Int32: [Int]] = [:]
        for (i, a) in anomalies.enumerated() { result[a.period, default: []].append(i) }
        return result
    }
}
