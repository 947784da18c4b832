/// Enterprise-level anomalies (over, under, unit, consistency).
extension AnomalyPlanner {
    /// Places every enterprise-level kind. Sizes: inflation ×1.4-2.5 (1-3 periods),
    /// year-end push ×1.6-2.5 (December), over capacity 1.3-2.0 × the period's design
    /// capacity, tax and grid mismatch ×1.8-3.0, lowered base ×0.6-0.82 on 上年同期,
    /// deflation ×0.3-0.6 (1-3 periods), tax under ×0.3-0.55, units ×10, ×1000, ÷10,
    /// broken 累计 off by 30-100% of the month, export 1.15-1.6 × sales. `--variation mild|mixed`
    /// draws other ranges (``SampleConfiguration/Variation/factorRange(_:)``), and `mixed` other
    /// shapes (``shape(for:)``) and inflations and deflations of up to four periods.
    mutating func planEnterprises() {
        for kind in AnomalyKind.content where !kind.isRegionLevel {
            let wanted = counted(kind)
            switch kind {
            case .shellEnterprise:
                for e in 0..<population.count where population.roles[e] == .shell {
                    for p in window where due(e, p) { add(kind, e, p, factor: .nan) }
                    planted(kind)
                }
            case .unregisteredAboveThreshold:
                // Labelled during the simulation, where the last-12-month invoices are known.
                plan.planted[kind] = population.roles.lazy.filter { $0 == .unregistered }.count
            case .stoppedButReporting:
                var candidates = (0..<population.count).filter {
                    (population.roles[$0] == .stopped || population.roles[$0] == .closed) && !plan.used[$0]
                }
                random.shuffle(&candidates)
                for e in candidates.prefix(wanted) {
                    let start = random.int(window.count)
                    for p in window[start..<min(window.count, start + 1 + random.int(3))] { add(kind, e, p, factor: .nan) }
                    planted(kind)
                }
            case .duplicateBundling:
                for _ in 0..<wanted where planBundle() { planted(kind) }
            default:
                for _ in 0..<wanted {
                    var found: (Int, Int32)?
                    if kind == .exportExceedsSales {
                        found = pick(tries: 200) { population.exportShare[$0] > 0 && accepts(kind, $0, $1) }
                    }
                    if found == nil { found = pick { accepts(kind, $0, $1) } }
                    guard let (e, start) = found else { break }
                    var length = kind == .inflation || kind == .deflation ? 1 + random.int(3) : 1
                    if length > 1, configuration.variation.longestRun > 3 { length += variationRandom.int(configuration.variation.longestRun - 2) }
                    let shape = shape(for: kind)
                    for p in run(from: start, length: length, e, accepts: { accepts(kind, $0, $1) }) {
                        add(kind, e, p, factor: factor(for: kind), shape: shape)
                    }
                    planted(kind)
                }
            }
        }
    }

    func accepts(_ kind: AnomalyKind, _ e: Int, _ p: Int32) -> Bool {
        switch kind {
        case .missingReport: return due(e, p)
        case .yearEndPush: return (p % 12) == 11 && hasHistory(e, p)
        case .copiedFigures, .brokenYTDChain: return !opensYear(p) && hasHistory(e, p)
        case .overCapacity: return !population.capacity0[e].isNaN && hasHistory(e, p)
        default: return hasHistory(e, p)
        }
    }

    mutating func factor(for kind: AnomalyKind) -> Double {
        if let range = configuration.variation.factorRange(kind) {
            let size = random.uniform(range.lowerBound, range.upperBound)
            return kind == .brokenYTDChain ? (random.chance(0.5) ? 1 : -1) * size : size
        }
        return switch kind {
        case .inflation: random.uniform(1.4, 2.5)
        case .yearEndPush: random.uniform(1.6, 2.5)
        case .overCapacity: random.uniform(1.3, 2.0)
        case .taxMismatch, .gridMismatch: random.uniform(1.8, 3.0)
        case .loweredBase: random.uniform(0.6, 0.82)
        case .deflation: random.uniform(0.3, 0.6)
        case .taxUnder: random.uniform(0.3, 0.55)
        case .zeroOutput, .missingReport: 0
        case .unitX10: 10
        case .unitX1000: 1000
        case .unitDiv10: 0.1
        case .brokenYTDChain: (random.chance(0.5) ? 1 : -1) * random.uniform(0.3, 1.0)
        case .exportExceedsSales: random.uniform(1.15, 1.6)
        default: .nan
        }
    }

    /// Three or four enterprises of one county report the leader's figures in one period.
    mutating func planBundle() -> Bool {
        guard let (leader, p) = pick(where: { hasHistory($0, $1) }) else { return false }
        let county = population.regions[leader] / 1_000_000
        var members = [leader]
        let size = 3 + random.int(2)
        for _ in 0..<2_000 where members.count < size {
            let e = pool[random.int(pool.count)]
            if !plan.used[e] && !members.contains(e) && population.regions[e] / 1_000_000 == county && hasHistory(e, p) {
                members.append(e)
            }
        }
        guard members.count >= 3 else { return false }
        for e in members { add(.duplicateBundling, e, p, factor: .nan, partner: leader, shape: e == leader ? .standard : shape(for: .duplicateBundling)) }
        return true
    }
}
