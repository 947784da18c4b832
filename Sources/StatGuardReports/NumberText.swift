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
        return (negative ? "-" : "") + withSeparators(whole) + (tenth == 0 ? "" : ".\(tenth)")
    }

    /// A ratio with two decimals: `1.87`.
    public static func ratio(_ value: Double) -> String {
        value.isFinite ? CFormat.fixed(value, decimals: 2) : "—"
    }

    /// A share or growth as a percentage with one decimal: `35.0%`.
    public static func percent(_ value: Double) -> String {
        value.isFinite && (value * 100).isFinite ? CFormat.string("%.1f%%", value * 100) : "—"
    }

    /// The value with `decimals` decimals: `0.0123`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        value.isFinite ? CFormat.fixed(value, decimals: min(max(decimals, 0), 9)) : "—"
    }

    /// A score for a person to compare: three significant digits below 100 (`0.00482`, `2.7`, `16.8`), whole up to a
    /// billion (`250`), then in exponent form; scores span orders of magnitude, and two decimals showed most of a queue
    /// as 0.00.
    public static func score(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == 0 { return "0" }
        return (100..<1e9).contains(abs(value)) ? grouped(value) : CFormat.string("%.3g", value)
    }

    /// A whole number without separators: `42`.
    public static func integer(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if let whole = value.rounded().exactInt64 { return String(whole) }
        return String(format: "%.0f", value.rounded())
    }

    /// 千元 → 亿元 with two decimals and separators.
    public static func yiYuan(_ value: Double?) -> String { value.map { grouped($0 / 100_000, decimals: 2) } ?? "—" }
    /// 千元 → 万元 with one decimal and separators.
    public static func wanYuan(_ value: Double?) -> String { value.map { grouped($0 / 10, decimals: 1) } ?? "—" }

    /// `value` with `decimals` decimals and thousands separators; `—` when missing.
    public static func grouped(_ value: Double?, decimals: Int = 0) -> String {
        guard let value, value.isFinite else { return "—" }
        let text = CFormat.fixed(abs(value), decimals: decimals)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0])
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        out = digits + out
        if parts.count > 1 { out += "." + parts[1] }
        return (value < 0 ? "-" : "") + out
    }

    /// A share or growth in percent with one decimal, `+` on growth by default; `—` when missing.
    public static func percent(_ value: Double?, signed: Bool = true) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: signed ? "%+.1f%%" : "%.1f%%", value * 100)
    }

    /// A contribution (拉动) in percentage points with one decimal and its sign; `—` when missing.
    public static func points(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%+.1f", value)
    }

    /// `digits` with a comma every three digits from the right.
    private static func withSeparators(_ digits: String) -> String {
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
