/// Hard negatives: legitimate events that a naive check would flag (`negatives.csv`).
extension AnomalyPlanner {
    /// The class-wide price boom takes every registered 2521 (炼焦) enterprise: its
    /// output value is 35% higher in every window period while electricity stays
    /// flat (the truth changes, the report is honest). Maintenance shutdowns scale one
    /// window period's volume by 0.15-0.3, so output AND electricity fall together.
    /// New lines scale the volume by 1.45-1.75 from a window period on (design
    /// capacity grows with them). Every affected due enterprise-period is a row.
    /// `--variation mixed` adds more (``planVariedNegatives()``).
    mutating func planNegatives() {
        for e in 0..<population.count where population.industryCodes[e] == 2521 {
            switch population.roles[e] {
            case .reporting, .exiting, .shell:
                population.negative[e] = .priceBoom
                population.negativeFactor[e] = 1.35
                plan.used[e] = true
                for p in window where due(e, p) {
                    plan.negatives.append(NegativeRow(kind: .priceBoom, entity: Int32(e), period: p, indicator: "gross_output", factor: 1.35))
                }
            default:
                break
            }
        }
        for _ in 0..<configuration.anomalies.maintenanceShutdowns(enterprises: n) {
            guard let (e, p) = pick(where: { hasHistory($0, $1) }) else { break }
            let factor = random.uniform(0.15, 0.3)
            population.negative[e] = .maintenanceShutdown
            population.negativeStart[e] = p
            population.negativeFactor[e] = factor
            plan.used[e] = true
            plan.negatives.append(NegativeRow(kind: .maintenanceShutdown, entity: Int32(e), period: p, indicator: "gross_output", factor: factor))
        }
        for _ in 0..<configuration.anomalies.newLines(enterprises: n) {
            guard let (e, p) = pick(where: { hasHistory($0, $1) }) else { break }
            let factor = random.uniform(1.45, 1.75)
            population.negative[e] = .newLine
            population.negativeStart[e] = p
            population.negativeFactor[e] = factor
            population.capacity0[e] *= factor
            population.capacity1[e] *= factor
            plan.used[e] = true
            for q in window where q >= p && due(e, q) {
                plan.negatives.append(NegativeRow(kind: .newLine, entity: Int32(e), period: q, indicator: "gross_output", factor: factor))
            }
        }
        if configuration.variation.plantsVariedNegatives { planVariedNegatives() }
    }
}
