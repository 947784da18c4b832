/// Under-reporting (漏报, 少报): what each kind does to the report.
extension AnomalyApplier {
    /// - deflation: output, sales and revenue × factor (0.3-0.6); electricity unchanged.
    /// - missing_report: no row at all (the books still count the month, so next 累计 includes it).
    /// - tax_under: output, sales, revenue, electricity and energy × factor; invoices tell the truth.
    /// - zero_output: output, sales, export, revenue and product quantities 0, a small loss; electricity as usual.
    /// - unregistered_above_threshold is not a report: the simulation labels the admin rows.
    ///
    /// Other shapes (`--variation mixed`): a deflation of gross output only; a tax under of sales,
    /// revenue and export only (output and electricity true).
    static func applyUnder(_ anomaly: PlannedAnomaly, truth: Figures, report: inout Figures) -> Adjustment {
        var adjustment = Adjustment(labelFactor: anomaly.factor)
        switch anomaly.kind {
        case .deflation where anomaly.shape == .outputOnly:
            report.gross *= anomaly.factor
        case .deflation:
            scaleMoney(&report, anomaly.factor)
            report.export *= anomaly.factor
        case .taxUnder where anomaly.shape == .salesOnly:
            report.sales *= anomaly.factor
            report.revenue *= anomaly.factor
            report.export *= anomaly.factor
        case .missingReport:
            adjustment.suppressed = true
        case .taxUnder:
            scaleMoney(&report, anomaly.factor)
            report.export *= anomaly.factor
            report.electricity *= anomaly.factor
            report.energy *= anomaly.factor
        case .zeroOutput:
            report.gross = 0
            report.sales = 0
            report.export = 0
            report.revenue = 0
            report.profit = -abs(truth.revenue * 0.02)
            report.quantity0 = 0
            report.quantity1 = 0
        default:
            break
        }
        return adjustment
    }
}
