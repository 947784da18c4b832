import Foundation

/// Benford's law tests with Nigrini's conformity bands (mean absolute deviation).
public enum Benford {
    /// Expected first-two-digit proportions P(d) = log10(1 + 1/d), d = 10...99.
    public static let expectedFirstTwo: [Double] = (10...99).map { log10(1 + 1 / Double($0)) }

    /// Expected first-digit proportions P(d) = log10(1 + 1/d), d = 1...9.
    public static let expectedFirstDigit: [Double] = (1...9).map { log10(1 + 1 / Double($0)) }

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

    /// The first significant digit (1...9) of a positive finite value, else nil.
    public static func firstDigit(_ value: Double) -> Int? {
        guard value > 0, value.isFinite else { return nil }
        var v = value
        while v >= 10 { v /= 10 }
        while v < 1 { v *= 10 }
        return min(9, max(1, Int(v)))
    }

    /// MAD of the first-two-digit distribution of `values` (those ≥ 10), and how many were counted.
    public static func firstTwoDigitMAD(_ values: [Double]) -> (mad: Double, count: Int) {
        mad(values, expected: expectedFirstTwo, offset: 10, digits: firstTwoDigits)
    }

    /// MAD of the first-digit distribution of `values` (those > 0), and how many were counted.
    public static func firstDigitMAD(_ values: [Double]) -> (mad: Double, count: Int) {
        mad(values, expected: expectedFirstDigit, offset: 1, digits: firstDigit)
    }

    /// The MAD a genuinely Benford sample of `count` values shows from sampling
    /// alone, first two digits: E[MAD] ≈ (1/90) Σ √(2 p_d (1 − p_d) / (π n)) (each
    /// observed share is about normal with variance p(1 − p)/n, and E|N(0, σ²)| = σ√(2/π)).
    ///
    /// Nigrini's bands hold for large n; at n = 300 this is 0.0046, above the
    /// 0.0022 nonconformity bound, so small sets must be judged on the excess
    /// MAD − E[MAD] (Barney & Schulzke 2016, "excess MAD"; Cerqueti & Lupi 2022
    /// give the MAD's asymptotic distribution).
    public static func expectedFirstTwoDigitMAD(count n: Int) -> Double {
        guard n > 0 else { return .nan }
        return expectedFirstTwo.reduce(0) { $0 + (2 * $1 * (1 - $1) / (Double.pi * Double(n))).squareRoot() } / 90
    }

    private static func mad(
        _ values: [Double], expected: [Double], offset: Int, digits: (Double) -> Int?
    ) -> (mad: Double, count: Int) {
        var counts = [Int](repeating: 0, count: expected.count)
        var n = 0
        for value in values {
            if let d = digits(value) { counts[d - offset] += 1; n += 1 }
        }
        guard n > 0 else { return (.nan, 0) }
        var total = 0.0
        for i in expected.indices { total += abs(Double(counts[i]) / Double(n) - expected[i]) }
        return (total / Double(expected.count), n)
    }
}
