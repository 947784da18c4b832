import StatGuardCore

/// Fixed-point decimal text for CSV cells, without `String(format:)` (which goes
/// through the C library and locale for every cell): `-12.35`, `1234.5`.
enum DecimalText {
    private static let scales: [Double] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    /// `value` rounded half away from zero to `decimals` (0...6) places.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = scales[decimals]
        let scaled = (abs(value) * scale).rounded()
        guard value.isFinite, scaled < 9e15 else { return value.isFinite ? String(value) : "" }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        guard decimals > 0 else { return (negative ? "-" : "") + String(units) }
        let divisor = Int64(scale)
        var fraction = String(units % divisor)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        return (negative ? "-" : "") + String(units / divisor) + "." + fraction
    }
}
