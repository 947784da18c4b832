import StatGuardCore

/// One written file: where, how many data rows, how many bytes.
public struct WrittenFile: Sendable {
    public var path: String
    public var rows: Int
    public var bytes: Int
}

/// Runs the periods one by one: true figures, anomalies, 累计 and 上年同期, and the
/// rows of that period's three files, streamed to disk. Memory is the population
/// and the per-enterprise state (about 400 bytes an enterprise), whatever the number of periods.
final class Simulation {
    let configuration: SampleConfiguration
    let timeline: Timeline
    let population: Population
    let geography: Geography
    let plan: AnomalyPlan
    let model: TruthModel
    let rows: RowWriter
    var state: ReportState
    var labels: [LabelRow] = []
    var files: [WrittenFile] = []
    var eventOf: [Int32]
    let anomaliesByPeriod: [Int32: [Int]]
    private var factorCache: [Int32: PeriodFactors] = [:]
    private let unregistered: [Int]
    /// The 12-digit region code of every town (its nine digits and 000).
    let townRegions: [UInt64]

    init(configuration: SampleConfiguration, timeline: Timeline, geography: Geography, population: Population, plan: AnomalyPlan) {
        self.configuration = configuration
        self.timeline = timeline
        self.population = population
        self.plan = plan
        model = TruthModel(
            population: population, profiles: IndustryProfile.sichuan, seed: configuration.seed,
            boomPeriods: Set(timeline.window), boomFactor: 1.35)
        rows = RowWriter(population: population, geography: geography)
        self.geography = geography
        state = ReportState(count: population.count)
        eventOf = Array(repeating: -1, count: population.count)
        anomaliesByPeriod = plan.byPeriod()
        townRegions = geography.towns.map(\.regionCode)
        unregistered = (0..<population.count).filter { population.roles[$0] == .unregistered }
    }

    func factors(_ p: Int32) -> PeriodFactors {
        if let cached = factorCache[p] { return cached }
        let f = PeriodFactors(period: Period(monthIndex: p), timeline: timeline, profiles: IndustryProfile.sichuan)
        factorCache[p] = f
        return f
    }

    func path(_ kind: FileKind, _ period: Period?) -> String {
        configuration.outputDirectory + "/" + kind.rawValue + "/" + kind.fileName(for: period)
    }

    func style(_ fileName: String) -> FileStyle {
        configuration.encodings == .mixed ? FileStyle.mixed(fileName: fileName, seed: configuration.seed) : .plain
    }

    /// A file of `kind` with its header: every contract column but the optional 填报说明, which no generated enterprise writes.
    func open(_ kind: FileKind, _ period: Period?) throws -> CSVFileWriter {
        let writer = try CSVFileWriter(path: path(kind, period), style: style(kind.fileName(for: period)))
        try writer.header(kind.fields.filter { $0.name != ReportField.explanation.spec.name })
        return writer
    }

    func close(_ writer: CSVFileWriter) throws {
        try writer.close()
        files.append(WrittenFile(path: writer.path, rows: writer.records - 1, bytes: writer.bytesWritten))
    }

    /// Writes the register and capacity snapshots.
    func writeStaticFiles() throws {
        let register = try CSVFileWriter(path: path(.register, nil), style: style("register.csv"))
        try rows.writeRegister(to: register)
        try close(register)
        let capacity = try CSVFileWriter(path: path(.capacity, nil), style: style("capacity.csv"))
        try rows.writeCapacity(to: capacity)
        try close(capacity)
        let regions = try CSVFileWriter(path: configuration.outputDirectory + "/regions/regions.csv", style: style("regions.csv"))
        try geography.writeRegions(to: regions)
        try close(regions)
    }

    /// Simulates every period, writing those in the written range.
    func run() throws {
        for period in timeline.periods {
            try simulate(period)
            factorCache.removeValue(forKey: period.monthIndex - 13)
        }
    }

    /// Labels the unregistered enterprises whose last-12-month invoices reached 20,000 千元 in `p`.
    func labelUnregistered(_ p: Int32) {
        guard timeline.window.contains(p) else { return }
        for e in unregistered where population.isActive(e, p) {
            var total = 0.0
            for q in timeline.periods where q.monthIndex > p - 12 && q.monthIndex <= p && population.isActive(e, q.monthIndex) {
                total += rounded(model.figures(e, q.monthIndex, factors(q.monthIndex)).invoices, 1)
            }
            if total >= 20_000 {
                labels.append(LabelRow(
                    entity: Int32(e), period: p, region: population.regions[e], kind: .unregisteredAboveThreshold,
                    indicator: "invoiced_sales", factor: total / 20_000))
            }
        }
    }
}
