/// Unit mix-ups (元/千元/万元): a figure typed in the wrong unit.
extension AnomalyApplier {
    /// - unit_x10: the month's money figures ×10 (typed in 百元 instead of 千元).
    /// - unit_x1000: ×1000 (typed in 元).
    /// - unit_div10: ÷10 (typed in 万元).
    ///
    /// Only the 本月 money figures (gross output, sales output, export delivery) are
    /// affected; the 累计 figures come from the enterprise's books and stay right, so
    /// the 累计 chain breaks in this period only and the next report is clean.
    /// Electricity, energy, employees and product quantities are not money and stay right.
    static func applyUnit(_ anomaly: PlannedAnomaly) -> Adjustment {
        Adjustment(unitScale: anomaly.factor, labelFactor: anomaly.factor)
    }
}
