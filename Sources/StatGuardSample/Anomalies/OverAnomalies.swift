/// Over-reporting (虚报, 多报, 造假): what each kind does to the report.
extension AnomalyApplier {
    /// - inflation, year_end_push, town_inflation: output, sales and revenue × factor; electricity, energy and products unchanged.
    /// - over_capacity: the first product's quantity set to factor × the period's design capacity, output scaled with it.
    /// - tax_mismatch: output, sales, revenue, electricity and energy × factor (a consistent fake); invoices and grid tell the truth.
    /// - grid_mismatch: as tax_mismatch, plus invoices × factor (fake invoices); only the grid meter tells the truth.
    /// - lowered_base: the 上年同期 figures × factor (< 1).
    /// - duplicate_bundling: the month's figures replaced by the bundle leader's.
    /// - town_growth_handed_down: output = 上年同期 × (1 + g), sales and revenue in proportion.
    /// - shell_enterprise, stopped_but_reporting: the report itself is plausible; the admin data shows nothing.
    static func applyOver(_ anomaly: PlannedAnomaly, truth: Figures, report: inout Figures, context: AnomalyContext) -> Adjustment {
        var adjustment = Adjustment(labelFactor: anomaly.factor)
        switch anomaly.kind {
        case .inflation, .yearEndPush, .townInflation:
            scaleMoney(&report, anomaly.factor)
        case .overCapacity:
            let target = context.capacity * Double(context.months) / 12 * anomaly.factor
            let scale = truth.quantity0 > 0 ? target / truth.quantity0 : 1
            report.quantity0 = target
            report.quantity1 *= scale
            scaleMoney(&report, scale)
        case .taxMismatch, .gridMismatch:
            scaleMoney(&report, anomaly.factor)
            report.electricity *= anomaly.factor
            report.energy *= anomaly.factor
            if anomaly.kind == .gridMismatch { adjustment.invoiceFactor = anomaly.factor }
        case .loweredBase:
            adjustment.lastYearFactor = anomaly.factor
        case .duplicateBundling:
            let leader = context.partner()
            report.gross = leader.gross
            report.sales = leader.sales
            report.export = leader.export
            report.revenue = leader.revenue
            report.electricity = leader.electricity
            report.energy = leader.energy
            report.employees = leader.employees
            adjustment.labelFactor = truth.gross > 0 ? rounded(leader.gross, 1) / rounded(truth.gross, 1) : .nan
        case .townGrowthHandedDown:
            if context.lastYearGross > 0 {
                let target = rounded(context.lastYearGross * anomaly.factor, 1)
                let scale = truth.gross > 0 ? target / truth.gross : 1
                scaleMoney(&report, scale)
                report.gross = target
                adjustment.labelFactor = scale
            }
        default:
            break
        }
        return adjustment
    }
}
