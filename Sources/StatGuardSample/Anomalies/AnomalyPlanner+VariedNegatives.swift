/// The hard negatives `--variation mixed` adds to the standard ones.
extension AnomalyPlanner {
    /// - Shutdowns keep a base load of 10-40% of their usual electricity, and one in three lasts
    ///   two periods; the period after one is a `rebound_after_shutdown` row.
    /// - As many shutdowns again a year before a window period, in the first written year: the window
    ///   period a year later is a `rebound_after_shutdown` row (output several times 上年同期, with its power).
    /// - `volatile`: 8 per 1,000 enterprises swing by about a third month to month, output and electricity together.
    /// - Enterprises leaving the panel (role `leaving`): their reports before the exit period are
    ///   `reported_before_exit` rows; the window periods after a 停业 exit are `stopped_with_old_invoices` rows.
    mutating func planVariedNegatives() {
        let written = configuration.writtenPeriods.map(\.monthIndex)
        func next(_ p: Int32) -> Int32? { written.first { $0 > p } }
        func addRow(_ kind: NegativeKind, _ e: Int, _ p: Int32, factor: Double, indicator: String = "gross_output") {
            plan.negatives.append(NegativeRow(kind: kind, entity: Int32(e), period: p, indicator: indicator, factor: factor))
        }
        // Shutdowns planted by planNegatives: base load, length, rebound.
        for e in 0..<population.count where population.negative[e] == .maintenanceShutdown {
            population.negativeBaseLoad[e] = variationRandom.uniform(0.1, 0.4)
            var end = population.negativeStart[e]
            if variationRandom.chance(1.0 / 3), let second = next(end), window.contains(second), due(e, second) {
                end = second
                addRow(.maintenanceShutdown, e, second, factor: population.negativeFactor[e])
            }
            population.negativeEnd[e] = end
            if let after = next(end), window.contains(after), due(e, after) {
                addRow(.reboundAfterShutdown, e, after, factor: 1 / population.negativeFactor[e])
            }
        }
        // Shutdowns a year before a window period.
        for _ in 0..<configuration.anomalies.maintenanceShutdowns(enterprises: n) {
            guard let (e, p) = pick(where: { e, p in
                hasHistory(e, p) && written.contains(p - 12) && due(e, p - 12) && next(p - 12).map { due(e, $0) } == true
            }) else { break }
            let factor = variationRandom.uniform(0.15, 0.3)
            population.negative[e] = .maintenanceShutdown
            population.negativeStart[e] = p - 12
            population.negativeEnd[e] = p - 12
            population.negativeFactor[e] = factor
            population.negativeBaseLoad[e] = variationRandom.uniform(0.1, 0.4)
            plan.used[e] = true
            addRow(.maintenanceShutdown, e, p - 12, factor: factor)
            if let after = next(p - 12) { addRow(.reboundAfterShutdown, e, after, factor: 1 / factor) }
            addRow(.reboundAfterShutdown, e, p, factor: 1 / factor)
        }
        // Volatile enterprises.
        let volatileCount = max(configuration.anomalies.minimum, (8.0 * Double(n) / 1000).rounded().clampedInt ?? 0)
        for _ in 0..<volatileCount {
            guard let (e, _) = pick(where: { e, p in hasHistory(e, p) }) else { break }
            population.negative[e] = .volatile
            plan.used[e] = true
            for p in window where due(e, p) { addRow(.volatile, e, p, factor: .nan) }
        }
        // Enterprises leaving the panel during the range.
        for e in 0..<population.count where population.roles[e] == .leaving {
            plan.used[e] = true
            for p in written {
                if due(e, p) {
                    addRow(.reportedBeforeExit, e, p, factor: .nan, indicator: "status")
                } else if population.status[e] == 2, window.contains(p) {
                    addRow(.stoppedWithOldInvoices, e, p, factor: .nan, indicator: "invoiced_sales")
                }
            }
        }
    }
}
