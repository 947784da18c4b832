import Foundation

/// Scores for selective editing (DOMAIN.md): suspicion × |observed − expected| / the county's total.
public enum Scoring {
    /// How far past its bound a value lies: 1 at the bound, growing with the log of the excess, capped at 5.
    public static func suspicion(value: Double, bound: Double) -> Double {
        guard value > 0, bound > 0 else { return 5 }
        return min(5, 1 + abs(log(value / bound)))
    }

    /// The score of a deviation `deviation` in a figure whose county total is `total`.
    public static func score(suspicion: Double, deviation: Double, total: Double) -> Double {
        guard deviation.isFinite, total > 0 else { return 0 }
        let score = suspicion * abs(deviation) / total
        // A tiny total can overflow the quotient; a score stays a finite, sortable number.
        return score.isNaN ? 0 : min(score, .greatestFiniteMagnitude)
    }
}
