import Foundation
import StatGuardCore

/// How numbers are written in messages, alert columns and the Markdown reports:
/// the one place that decides thousands separators, decimals and percentages.
///
/// Every function accepts any `Double`: non-finite values print as `—`, and
/// magnitudes beyond what an integer holds print in full, never trap.
public enum NumberText {
    /// An amount with thousands separators and at most one decimal: `12,345.6`; `—` when missing.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let tenths = (abs(value) * 10).rounded()
        let negative = value < 0 && tenths > 0
        let whole: String
        let tenth: Int64
        if let units = tenths.exactInt64 {
            whole = String(units / 10)
            tenth = units % 10
        } else {
            // Beyond 2^63 tenths a tenth is below the Double's resolution: print the whole part in full.
            whole = String(format: "%.0f", abs(value).rounded())
            tenth = 0
        }
        return (negative ? "-" : "") + grouped(whole) + (tenth == 0 ? "" : ".\(tenth)")
    }

    /// A ratio with two decimals: `1.87`.
    public static func ratio(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f", value) : "—"
    }

    /// A share or growth as a percentage with one decimal: `35.0%`.
    public static func percent(_ value: Double) -> String {
        value.isFinite && (value * 100).isFinite ? String(format: "%.1f%%", value * 100) : "—"
    }

    /// The value with `decimals` decimals: `0.0123`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(min(max(decimals, 0), 9))f", value) : "—"
    }

    /// A whole number without separators: `42`.
    public static func integer(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if let whole = value.rounded().exactInt64 { return String(whole) }
        return String(format: "%.0f", value.rounded())
    }

    /// `digits` with a comma every three digits from the right.
    private static func grouped(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        guard bytes.count > 3 else { return digits }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 3)
        for (i, byte) in bytes.enumerated() {
            if i > 0 && (bytes.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
