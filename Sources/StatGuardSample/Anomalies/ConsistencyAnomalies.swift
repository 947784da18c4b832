/// Consistency faults: figures that contradict each other or last month's.
extension AnomalyApplier {
    /// - copied_figures (估报): output, sales, export, revenue, profit, electricity, energy,
    ///   employees and product quantities repeat the previous period's exactly.
    /// - broken_ytd_chain: the gross-output 累计 is off by factor × the month (±30-100%),
    ///   and later 累计 build on the wrong figure (one break, not a broken year).
    /// - export_exceeds_sales: export delivery = factor (1.15-1.6) × sales.
    static func applyConsistency(_ anomaly: PlannedAnomaly, truth: Figures, report: inout Figures, context: AnomalyContext) -> Adjustment {
        var adjustment = Adjustment(labelFactor: anomaly.factor)
        switch anomaly.kind {
        case .copiedFigures:
            let last = context.previous()
            report.gross = last.gross
            report.sales = last.sales
            report.export = last.export
            report.revenue = last.revenue
            report.profit = last.profit
            report.electricity = last.electricity
            report.energy = last.energy
            report.employees = last.employees
            report.quantity0 = last.quantity0
            report.quantity1 = last.quantity1
            adjustment.labelFactor = truth.gross > 0 ? rounded(last.gross, 1) / rounded(truth.gross, 1) : .nan
        case .brokenYTDChain:
            adjustment.ytdOffset = rounded(anomaly.factor * truth.gross, 1)
        case .exportExceedsSales:
            report.export = report.sales * anomaly.factor
        default:
            break
        }
        return adjustment
    }
}
