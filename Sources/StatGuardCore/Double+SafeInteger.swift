/// Conversions of a `Double` to an integer that never trap.
///
/// `Int(x)` traps when `x` is NaN, infinite or outside the integer's range;
/// any figure that comes from input can be all three, so Sources convert
/// through these instead.
extension Double {
    /// The value rounded toward zero and clamped to `Int`'s range; nil when NaN.
    public var clampedInt: Int? {
        guard !isNaN else { return nil }
        if self >= 9.223372036854775e18 { return .max }
        if self <= -9.223372036854775e18 { return .min }
        return Int(self)
    }

    /// The value rounded toward zero when it fits in `Int64` exactly enough, else nil (NaN, ±∞, |x| ≥ 2^63).
    public var exactInt64: Int64? {
        guard isFinite, abs(self) < 9.223372036854775e18 else { return nil }
        return Int64(self)
    }
}
