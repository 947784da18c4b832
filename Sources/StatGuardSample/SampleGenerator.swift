import Foundation
import StatGuardCore

/// What a `statguard sample` run wrote and planted.
public struct SampleSummary: Sendable {
    /// Every file written, in order.
    public var files: [WrittenFile]
    /// Label rows per kind (enterprise-periods, plus region rows for the town kinds).
    public var labelRows: [AnomalyKind: Int]
    /// Events wanted and planted per kind (an enterprise, a bundle or a town).
    public var eventsWanted: [AnomalyKind: Int]
    public var eventsPlanted: [AnomalyKind: Int]
    /// Rows of negatives.csv per kind.
    public var negativeRows: [NegativeKind: Int]
    /// All synthetic firms, and those in the register.
    public var firms: Int
    public var registered: Int
    /// The periods anomalies went into.
    public var window: [Period]
}

/// Writes a complete, seeded set of contract input files with labelled anomalies:
/// `register/register.csv`, `capacity/capacity.csv`, per period
/// `reports/reports_YYYYMM.csv`, `products/products_YYYYMM.csv`, `admin/admin_YYYYMM.csv`,
/// and the answer keys `labels.csv` and `negatives.csv`.
///
/// Same configuration and seed, same bytes: every random draw comes from
/// ``SeededRandom`` streams derived from the seed, never from the system.
/// - Complexity: O(enterprises × simulated periods) time; memory O(enterprises).
public struct SampleGenerator: Sendable {
    public let configuration: SampleConfiguration

    public init(_ configuration: SampleConfiguration) {
        self.configuration = configuration
    }

    public func run() throws -> SampleSummary {
        precondition(configuration.enterprises > 0, "at least one enterprise")
        precondition(configuration.from <= configuration.to, "--from after --to")
        let timeline = Timeline(configuration)
        var geographyRandom = SeededRandom(seed: configuration.seed, stream: .geography)
        let geography = Geography(enterprises: configuration.enterprises, random: &geographyRandom)
        let drawn = Population.generate(configuration, geography: geography, timeline: timeline)
        var planner = AnomalyPlanner(configuration: configuration, timeline: timeline, geography: geography, population: drawn)
        let (plan, population) = planner.makePlan()

        try FileManager.default.createDirectory(atPath: configuration.outputDirectory, withIntermediateDirectories: true)
        let simulation = Simulation(
            configuration: configuration, timeline: timeline, geography: geography, population: population, plan: plan)
        try simulation.writeStaticFiles()
        try simulation.run()
        let labelsPath = configuration.outputDirectory + "/labels.csv"
        let negativesPath = configuration.outputDirectory + "/negatives.csv"
        try LabelFiles.write(labels: simulation.labels, population: population, to: labelsPath)
        try LabelFiles.write(negatives: plan.negatives, population: population, to: negativesPath)

        var files = simulation.files
        for path in [labelsPath, negativesPath] {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let rows = path == labelsPath ? simulation.labels.count : plan.negatives.count
            files.append(WrittenFile(path: path, rows: rows, bytes: size))
        }
        var labelRows: [AnomalyKind: Int] = [:]
        for label in simulation.labels { labelRows[label.kind, default: 0] += 1 }
        var negativeRows: [NegativeKind: Int] = [:]
        for row in plan.negatives { negativeRows[row.kind, default: 0] += 1 }
        return SampleSummary(
            files: files, labelRows: labelRows, eventsWanted: plan.wanted, eventsPlanted: plan.planted,
            negativeRows: negativeRows, firms: population.count,
            registered: population.inRegister.lazy.filter { $0 }.count, window: configuration.anomalyWindow)
    }
}
