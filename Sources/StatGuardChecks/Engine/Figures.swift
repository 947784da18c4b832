import Foundation

/// How figures are printed in messages and alert columns.
public enum Figures {
    /// An amount with thousands separators and at most one decimal: `12,345.6`; `—` when missing.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        // No real figure reaches 10^15 千元, where a tenth is below a Double's precision
        // (and Int64 below would trap past 9.2 × 10^18): print the magnitude.
        guard abs(value) < 1e15 else { return String(format: "%.2e", value) }
        let rounded = (value * 10).rounded() / 10
        let negative = rounded < 0
        let whole = Int64(abs(rounded).rounded(.down))
        let tenth = Int64((abs(rounded) * 10).rounded()) % 10
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        return (negative ? "-" : "") + grouped + (tenth == 0 ? "" : ".\(tenth)")
    }

    /// A ratio with two decimals: `1.87`.
    public static func ratio(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f", value) : "—"
    }

    /// A share or growth as a percentage with one decimal: `35.0%`.
    public static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f%%", value * 100) : "—"
    }
}
