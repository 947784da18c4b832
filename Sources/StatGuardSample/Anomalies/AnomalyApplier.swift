/// What an anomaly does to a report besides its monthly figures.
struct Adjustment {
    /// Multiplier of the month's money figures as written (元/千元/万元 mix-ups: gross output,
    /// sales output, export delivery); the 累计 figures come from the books and stay right, so
    /// the chain breaks in this period only.
    var unitScale = 1.0
    /// Added to the gross-output 累计 and carried on (a broken chain).
    var ytdOffset = 0.0
    /// Multiplier of the 上年同期 figures (a lowered base).
    var lastYearFactor = 1.0
    /// Multiplier of the admin invoices (fake invoices covering inflated sales).
    var invoiceFactor = 1.0
    /// No report at all (漏报).
    var suppressed = false
    /// The `factor` column of the label row.
    var labelFactor = Double.nan
}

/// What an anomaly may look at: the enterprise's own 上年同期, its previous
/// period, its bundle leader, its design capacity.
struct AnomalyContext {
    /// Gross output reported twelve months ago (NaN when none).
    var lastYearGross: Double
    /// The true figures of the previous period (an enterprise carries one anomaly, so they are what it reported).
    var previous: () -> Figures
    /// The true figures of the bundle leader this period.
    var partner: () -> Figures
    /// Annual design capacity of the first product, and the months the period covers.
    var capacity: Double
    var months: Int
}

/// Turns an enterprise's true figures into what it reports, for one planted anomaly.
/// The families live in `Anomalies/*Anomalies.swift`; structural faults change the
/// written row, not the figures, and are handled by the writers.
enum AnomalyApplier {
    static func apply(_ anomaly: PlannedAnomaly, truth: Figures, report: inout Figures, context: AnomalyContext) -> Adjustment {
        switch anomaly.kind.category {
        case .over: return applyOver(anomaly, truth: truth, report: &report, context: context)
        case .under: return applyUnder(anomaly, truth: truth, report: &report)
        case .unit: return applyUnit(anomaly)
        case .consistency: return applyConsistency(anomaly, truth: truth, report: &report, context: context)
        case .structure: return Adjustment()
        }
    }

    /// Scales the money figures of a month (output, sales, revenue) by `factor`.
    static func scaleMoney(_ report: inout Figures, _ factor: Double) {
        report.gross *= factor
        report.sales *= factor
        report.revenue *= factor
        report.export = min(report.export, report.sales)
    }
}
