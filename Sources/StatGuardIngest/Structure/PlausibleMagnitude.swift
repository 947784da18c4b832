/// The largest figures an enterprise can have (rule S10).
///
/// The contract's syntax allows any number, but no enterprise reports a money
/// figure over 1e12 千元 (a thousand trillion yuan, about a hundred times
/// China's whole industrial output) or a physical one over 1e12 万千瓦时 or
/// 吨标准煤, nor more than ten million employees. Such a figure is a typing or
/// export accident (digits pasted twice, a code in a figure column); loaded, it
/// would swamp every total and overflow integer conversions downstream.
public enum PlausibleMagnitude {
    /// The largest |value| of a money or physical figure, in the field's unit.
    public static let figure = 1e12
    /// The largest count (employees).
    public static let count = 1e7

    /// Whether `value` is beyond what a field of this kind can hold (`whole`: a count).
    static func isImplausible(_ value: Double, whole: Bool) -> Bool {
        abs(value) > (whole ? count : figure)
    }
}
