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
    ///
    /// Other shapes (`--variation mixed`): inflation of gross output only, of sales and revenue only,
    /// or of the money figures with the reported electricity and energy raised to match (the grid
    /// meter tells the truth); a year-end push of gross output only; a tax mismatch of sales and
    /// revenue only; a bundle member keeping one of its four main figures.
    static func applyOver(_ anomaly: PlannedAnomaly, truth: Figures, report: inout Figures, context: AnomalyContext) -> Adjustment {
        var adjustment = Adjustment(labelFactor: anomaly.factor)
        switch anomaly.kind {
        case .inflation, .yearEndPush, .townInflation:
            applyShape(anomaly.shape, anomaly.factor, to: &report)
        case .overCapacity:
            let target = context.capacity * Double(context.months) / 12 * anomaly.factor
            let scale = truth.quantity0 > 0 ? target / truth.quantity0 : 1
            report.quantity0 = target
            report.quantity1 *= scale
            scaleMoney(&report, scale)
        case .taxMismatch, .gridMismatch:
            if anomaly.shape == .salesOnly {
                applyShape(.salesOnly, anomaly.factor, to: &report)
                break
            }
            scaleMoney(&report, anomaly.factor)
            report.electricity *= anomaly.factor
            report.energy *= anomaly.factor
            if anomaly.kind == .gridMismatch { adjustment.invoiceFactor = anomaly.factor }
        case .loweredBase:
            adjustment.lastYearFactor = anomaly.factor
        case .duplicateBundling:
            let leader = context.partner()
            let own = report
            report.gross = leader.gross
            report.sales = leader.sales
            report.export = leader.export
            report.revenue = leader.revenue
            report.electricity = leader.electricity
            report.energy = leader.energy
            report.employees = leader.employees
            switch anomaly.shape {
            case .ownEmployees: report.employees = own.employees
            case .ownElectricity: report.electricity = own.electricity; report.energy = own.energy
            case .ownSales: report.sales = own.sales; report.export = min(own.export, own.sales); report.revenue = own.revenue
            case .ownOutput: report.gross = own.gross
            default: break
            }
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

    /// Scales the figures `shape` says a fraud touches by `factor`.
    static func applyShape(_ shape: AnomalyShape, _ factor: Double, to report: inout Figures) {
        switch shape {
        case .outputOnly:
            report.gross *= factor
        case .salesOnly:
            report.sales *= factor
            report.revenue *= factor
        case .withElectricity:
            scaleMoney(&report, factor)
            report.electricity *= factor
            report.energy *= factor
        default:
            scaleMoney(&report, factor)
        }
    }
}
