import Foundation

/// Scores for selective editing (DOMAIN.md): suspicion × |observed − expected| / the county's total.
public enum Scoring {
    /// The largest suspicion any finding carries, however far past its bound.
    public static let maximumSuspicion = 5.0

    /// Suspicion of a finding that is a fact worth a call but may well be legitimate
    /// (a missing report, output without energy or employees).
    public static let plainSuspicion = 1.0
    /// Suspicion of figures that cannot both be right (累计 below the month; a stopped or
    /// shell enterprise producing).
    public static let contradictionSuspicion = 2.0
    /// Suspicion of a figure off by a unit factor: almost certainly wrong, and by a lot.
    public static let unitSuspicion = 3.0

    /// Half a 千元: figures reported in whole 千元 may differ by this much through rounding alone.
    public static let roundingSlack = 0.5

    /// How far past its bound a value lies: 1 at the bound, growing with the log of the excess, capped.
    public static func suspicion(value: Double, bound: Double) -> Double {
        guard value > 0, bound > 0 else { return maximumSuspicion }
        return capped(1 + abs(log(value / bound)))
    }

    /// A suspicion no greater than ``maximumSuspicion``.
    public static func capped(_ suspicion: Double) -> Double { min(maximumSuspicion, suspicion) }

    /// The score of a deviation `deviation` in a figure whose county total is `total`.
    public static func score(suspicion: Double, deviation: Double, total: Double) -> Double {
        guard deviation.isFinite, total > 0 else { return 0 }
        let score = suspicion * abs(deviation) / total
        // A tiny total can overflow the quotient; a score stays a finite, sortable number.
        return score.isNaN ? 0 : min(score, .greatestFiniteMagnitude)
    }
}
