import StatGuardCore

/// Numbers as charts print them, the same bytes on every machine and locale:
/// no `String(format:)`, no `NumberFormatter`.
public enum ChartNumber {
    /// `value` rounded half away from zero to `decimals` places (0...6), with
    /// thousands separators when `grouping`, and a `+` on positives when `signed`.
    /// Magnitudes at or past 10^15 print in scientific form (`1.2e18`);
    /// NaN and infinities print as `—`.
    public static func format(_ value: Double, decimals: Int, grouping: Bool = true, signed: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        let decimals = min(max(decimals, 0), 6)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard abs(value) < 1e15, scaled < 9e15 else { return scientific(value, signed: signed) }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        let divisor = Int64(scale)
        var whole = String(units / divisor)
        if grouping { whole = grouped(whole) }
        var text = whole
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        if negative { return "-" + text }
        return signed && units != 0 ? "+" + text : text
    }

    /// A coordinate in an SVG attribute: one decimal, `.0` dropped, clamped to ±10^6.
    static func coordinate(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, -1_000_000), 1_000_000) : 0
        let text = format(clamped, decimals: 1, grouping: false)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func grouped(_ digits: String) -> String {
        var rest = Substring(digits)
        var out = ""
        while rest.count > 3 {
            out = "," + rest.suffix(3) + out
            rest = rest.dropLast(3)
        }
        return rest + out
    }

    /// `1.2e18`: two significant decimals of the mantissa, exponent without padding.
    private static func scientific(_ value: Double, signed: Bool) -> String {
        var exponent = log10Approx(abs(value)).rounded(.down).clampedInt ?? 0
        var mantissa = abs(value) / power10(exponent)
        if (mantissa * 10).rounded() >= 100 {
            exponent += 1
            mantissa /= 10
        }
        let sign = value < 0 ? "-" : (signed ? "+" : "")
        return sign + format(mantissa, decimals: 1, grouping: false) + "e" + String(exponent)
    }

    /// The decimal exponent of `value` (> 0), found by counting, not by `log10`, so it is exact at powers of ten.
    private static func log10Approx(_ value: Double) -> Double {
        var exponent = 0
        var scaled = value
        while scaled >= 10 { scaled /= 10; exponent += 1 }
        while scaled < 1 { scaled *= 10; exponent -= 1 }
        return Double(exponent)
    }

    static func power10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<exponent { result *= 10 }
        } else {
            for _ in 0..<(-exponent) { result /= 10 }
        }
        return result
    }
}
