import StatGuardCore

/// Decimals as integers times a power of ten, exactly.
///
/// A value is v = i / 10^d, computed as `Double(i) / 10^d` (one correctly rounded
/// division, so the stored integer reads back to the very Double parsed from the
/// file's `12345.6`). A column scales only when that holds bit for bit for every
/// value with one d ≤ 4 and |i| < 2^53; −0.0, infinities and NaNs other than the
/// missing `.nan` keep a column unscaled.
enum DecimalScaling {
    /// The scaled value that stands for `.nan` (missing); no scaled value reaches it.
    static let missing = Int64.min
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000]

    /// The fewest digits that scale every value exactly, and the scaled values; nil when none do.
    static func scaled(_ values: [Double]) -> (digits: Int, values: [Int64])? {
        var digits = 0
        for v in values where !isMissing(v) {
            while digits < powers.count && scaled(v, digits: digits) == nil { digits += 1 }
            if digits == powers.count { return nil }
        }
        var out = [Int64](repeating: missing, count: values.count)
        for (i, v) in values.enumerated() where !isMissing(v) {
            guard let x = scaled(v, digits: digits) else { return nil }
            out[i] = x
        }
        return (digits, out)
    }

    /// The Double that scaled integer `x` with `digits` stands for.
    static func value(_ x: Int64, digits: Int) -> Double {
        x == missing ? .nan : Double(x) / powers[digits]
    }

    /// The digit counts a stored column may name.
    static func isValid(digits: Int) -> Bool { powers.indices.contains(digits) }

    private static func isMissing(_ v: Double) -> Bool { v.bitPattern == Double.nan.bitPattern }

    private static func scaled(_ v: Double, digits: Int) -> Int64? {
        let x = (v * powers[digits]).rounded()
        guard abs(x) < 9.007_199_254_740_992e15, let i = x.exactInt64, value(i, digits: digits).bitPattern == v.bitPattern else {
            return nil
        }
        return i
    }
}
