/// Region-level anomalies: a whole town moves together.
extension AnomalyPlanner {
    /// `town_inflation`: every due enterprise of one town inflates output by a common
    /// factor (1.3-1.6, each ±2%; 1.08-1.2 with `--variation mild|mixed`) for two consecutive
    /// window periods (two to four with `mixed`), electricity
    /// unchanged. `town_growth_handed_down`: in one period, every enterprise of a town
    /// with a 上年同期 reports output = 上年同期 × (1 + g), one g for all (指令报送).
    /// Towns need at least five such enterprises and no 2521 enterprise (those carry
    /// the price-boom negative). Each member-period is labelled, plus one row per
    /// period with a blank credit code and the town's region code.
    mutating func planRegions() {
        var reportersOfTown = Array(repeating: [Int](), count: geography.towns.count)
        var hasCoking = Array(repeating: false, count: geography.towns.count)
        for e in 0..<population.count {
            let t = Int(population.towns[e])
            switch population.roles[e] {
            case .reporting, .exiting, .shell:
                reportersOfTown[t].append(e)
                if population.industryCodes[e] == 2521 { hasCoking[t] = true }
            default:
                break
            }
        }
        var takenTowns = Set<Int>()
        for kind in [AnomalyKind.townInflation, .townGrowthHandedDown] {
            let wanted = counted(kind)
            for _ in 0..<wanted {
                var candidates: [(town: Int, periods: [Int32], members: [[Int]])] = []
                for t in geography.towns.indices where !hasCoking[t] && !takenTowns.contains(t) {
                    let start = random.int(window.count)
                    var periods: [Int32] = kind == .townInflation && start + 1 < window.count
                        ? [window[start], window[start + 1]] : [window[start]]
                    if kind == .townInflation, configuration.variation.townRun.upperBound > 2 {
                        let run = configuration.variation.townRun
                        let length = run.lowerBound + variationRandom.int(run.count)
                        periods = Array(window[start..<min(window.count, start + length)])
                    }
                    let members = periods.map { p in
                        reportersOfTown[t].filter { e in
                            !plan.used[e] && population.roles[e] == .reporting
                                && (kind == .townInflation ? due(e, p) : hasHistory(e, p))
                        }
                    }
                    if members.allSatisfy({ $0.count >= 5 }) { candidates.append((t, periods, members)) }
                }
                guard !candidates.isEmpty else { break }
                candidates.sort { ($0.members[0].count, $1.town) > ($1.members[0].count, $0.town) }
                let chosen = candidates[random.int(max(1, min(candidates.count, (candidates.count * 3 + 9) / 10)))]
                takenTowns.insert(chosen.town)
                let townRange = configuration.variation.factorRange(.townInflation) ?? configuration.anomalies.townInflationFactor
                let common = kind == .townInflation
                    ? random.uniform(townRange.lowerBound, townRange.upperBound)
                    : random.element(of: configuration.anomalies.handedDownGrowthRates)
                for (i, p) in chosen.periods.enumerated() {
                    add(kind, -1, p, factor: kind == .townInflation ? common : 1 + common, town: chosen.town)
                    for e in chosen.members[i] {
                        let factor = kind == .townInflation ? common * random.noise(0.02) : 1 + common
                        add(kind, e, p, factor: factor, town: chosen.town)
                    }
                }
                for e in reportersOfTown[chosen.town] { plan.used[e] = true }
                planted(kind)
            }
        }
    }
}
