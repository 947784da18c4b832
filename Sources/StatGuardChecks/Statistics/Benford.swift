import Foundation

/// Benford's law tests with Nigrini's conformity bands (mean absolute deviation).
public enum Benford {
    /// Expected first-two-digit proportions P(d) = log10(1 + 1/d), d = 10...99.
    public static let expectedFirstTwo: [Double] = (10...99).map { log10(1 + 1 / Double($0)) }

    /// Nigrini's first-two-digit bands: close ≤ 0.0012, acceptable ≤ 0.0018, marginal ≤ 0.0022, else nonconforming.
    public enum Conformity: String, Sendable {
        case close, acceptable, marginal, nonconforming

        public static func firstTwoDigits(mad: Double) -> Conformity {
            mad <= 0.0012 ? .close : mad <= 0.0018 ? .acceptable : mad <= 0.0022 ? .marginal : .nonconforming
        }

        /// Nigrini's first-digit bands: ≤ 0.006, ≤ 0.012, ≤ 0.015, above.
        public static func firstDigit(mad: Double) -> Conformity {
            mad <= 0.006 ? .close : mad <= 0.012 ? .acceptable : mad <= 0.015 ? .marginal : .nonconforming
        }
    }

    /// The first two significant digits (10...99) of a value ≥ 10, else nil.
    public static func firstTwoDigits(_ value: Double) -> Int? {
        guard value >= 10, value.isFinite else { return nil }
        var v = value
        while v >= 100 { v /= 10 }
        return min(99, max(10, Int(v)))
    }

    /// MAD of the first-two-digit distribution of `values` (those ≥ 10), and how many were counted.
    public static func firstTwoDigitMAD(_ values: [Double]) -> (mad: Double, count: Int) {
        var counts = [Int](repeating: 0, count: 90)
        var n = 0
        for value in values {
            if let d = firstTwoDigits(value) { counts[d - 10] += 1; n += 1 }
        }
        guard n > 0 else { return (.nan, 0) }
        var total = 0.0
        for i in 0..<90 { total += abs(Double(counts[i]) / Double(n) - expectedFirstTwo[i]) }
        return (total / 90, n)
    }
}
