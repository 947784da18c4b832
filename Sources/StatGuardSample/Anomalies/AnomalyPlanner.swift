import StatGuardCore

/// Decides where every anomaly and hard negative goes, before anything is simulated.
///
/// Rules, in order: (1) region kinds take whole towns; (2) hard negatives: every
/// 2521 enterprise gets the price boom, then maintenance shutdowns and new lines;
/// (3) the enterprise-level kinds; (4) with `--dirty`, the structural faults.
/// An enterprise carries at most one of all these, so a label never overlaps a hard
/// negative or another label. Enterprise anomalies go into window periods where the
/// enterprise is due and has history to be compared with: it was due in the previous
/// period and twelve months before (so every check has its baseline).
struct AnomalyPlanner {
    let configuration: SampleConfiguration
    let timeline: Timeline
    let geography: Geography
    var population: Population
    /// The planner's random stream, in a box so that non-mutating helpers can draw from it.
    private let box: RandomBox
    var random: SeededRandom {
        get { box.value }
        nonmutating set { box.value = newValue }
    }
    /// Draws only `--variation mild|mixed` makes (shapes, longer runs, extra negatives), from a
    /// stream of their own, so that the default plan draws exactly what it always drew.
    private let variationBox: RandomBox
    var variationRandom: SeededRandom {
        get { variationBox.value }
        nonmutating set { variationBox.value = newValue }
    }
    var plan = AnomalyPlan()
    /// Registered 规上 enterprises that may carry an anomaly, in random order.
    var pool: [Int] = []
    let window: [Int32]
    let n: Int

    init(configuration: SampleConfiguration, timeline: Timeline, geography: Geography, population: Population) {
        self.configuration = configuration
        self.timeline = timeline
        self.geography = geography
        self.population = population
        box = RandomBox(SeededRandom(seed: configuration.seed, stream: .anomalies))
        variationBox = RandomBox(SeededRandom(seed: configuration.seed, stream: .variation))
        window = timeline.window
        n = configuration.enterprises
        plan.used = Array(repeating: false, count: population.count)
    }

    /// Runs every step and returns the plan with the population its negatives changed.
    mutating func makePlan() -> (AnomalyPlan, Population) {
        pool = (0..<population.count).filter { population.roles[$0] == .reporting && population.industryCodes[$0] != 2521 }
        random.shuffle(&pool)
        planRegions()
        planNegatives()
        planEnterprises()
        if configuration.dirty { planStructure() }
        return (plan, population)
    }

    // MARK: Shared helpers

    func due(_ e: Int, _ p: Int32) -> Bool { population.isDue(e, p) }

    /// Due now, in the previous period and twelve months ago.
    func hasHistory(_ e: Int, _ p: Int32) -> Bool {
        guard due(e, p), let previous = timeline.previous(p) else { return false }
        return due(e, previous) && due(e, p - 12)
    }

    func opensYear(_ p: Int32) -> Bool { configuration.calendar.opensYear(Period(monthIndex: p)) }

    /// A random unused pool enterprise with a window period satisfying `accepts`, or nil after `tries`.
    func pick(tries: Int = 400, where accepts: (Int, Int32) -> Bool) -> (Int, Int32)? {
        guard !pool.isEmpty else { return nil }
        for _ in 0..<tries {
            let e = pool[random.int(pool.count)]
            if plan.used[e] { continue }
            let periods = window.filter { accepts(e, $0) }
            if periods.isEmpty { continue }
            return (e, random.element(of: periods))
        }
        return nil
    }

    /// Consecutive window periods from `start` (up to `length`) that all satisfy `accepts`.
    func run(from start: Int32, length: Int, _ e: Int, accepts: (Int, Int32) -> Bool) -> [Int32] {
        guard let i = window.firstIndex(of: start) else { return [start] }
        var periods: [Int32] = []
        for p in window[i...] where periods.count < length {
            guard accepts(e, p) else { break }
            periods.append(p)
        }
        return periods
    }

    mutating func add(
        _ kind: AnomalyKind, _ e: Int, _ p: Int32, factor: Double, partner: Int = -1, town: Int = -1, file: FileKind = .reports,
        shape: AnomalyShape = .standard
    ) {
        plan.anomalies.append(PlannedAnomaly(
            kind: kind, entity: Int32(e), period: p, factor: factor, partner: Int32(partner), town: Int32(town), file: file, shape: shape))
        if e >= 0 { plan.used[e] = true }
    }

    mutating func counted(_ kind: AnomalyKind) -> Int {
        var wanted = configuration.anomalies.count(kind, enterprises: n)
        // Two towns of each region kind with `mixed`, so one town does not decide a kind's recall.
        if configuration.variation == .mixed, kind.isRegionLevel, configuration.anomalies.fixed[kind] == nil { wanted = max(wanted, 2) }
        plan.wanted[kind] = wanted
        plan.planted[kind] = 0
        return wanted
    }

    mutating func planted(_ kind: AnomalyKind) { plan.planted[kind, default: 0] += 1 }
}

/// A mutable random stream shared by value-type helpers.
final class RandomBox {
    var value: SeededRandom
    init(_ value: SeededRandom) { self.value = value }
}
