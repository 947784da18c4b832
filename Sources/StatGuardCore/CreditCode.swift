/// A 统一社会信用代码 (unified social credit code, GB 32100-2015), packed.
///
/// The 18 characters come from a 31-symbol alphabet, so each fits in 5 bits:
/// the first nine are packed into ``high`` and the last nine into ``low``.
/// Packing makes the code a cheap dictionary key for joins across history and
/// files without one `String` per row. Build one with ``CreditCode/parse(_:)``,
/// which also validates it.
public struct CreditCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Characters 1-9, 5 bits each, first character in the highest bits.
    public let high: UInt64
    /// Characters 10-18, 5 bits each.
    public let low: UInt64

    /// The code alphabet: values 0...30 (no I, O, Z, S, V).
    public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    /// Weights 3^(i-1) mod 31 for positions 1...17.
    static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Maps an ASCII byte to its code value, or 255 when it is not in the alphabet.
    static let valueOfByte: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (value, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(value)
            if byte >= 0x41 && byte <= 0x5A { table[Int(byte) + 32] = UInt8(value) }  // lower case
        }
        return table
    }()

    /// Creates a code from its packed halves (see ``high`` and ``low``).
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Creates a code from 18 alphabet values without checking the check characters.
    init(values: UnsafeBufferPointer<UInt8>) {
        var h: UInt64 = 0
        var l: UInt64 = 0
        for i in 0..<9 { h = h << 5 | UInt64(values[i]) }
        for i in 9..<18 { l = l << 5 | UInt64(values[i]) }
        self.init(high: h, low: l)
    }

    /// The 18 alphabet values of the code.
    public var values: [UInt8] {
        var result = [UInt8](repeating: 0, count: 18)
        for i in 0..<9 { result[8 - i] = UInt8(truncatingIfNeeded: high >> (5 * UInt64(i)) & 31) }
        for i in 0..<9 { result[17 - i] = UInt8(truncatingIfNeeded: low >> (5 * UInt64(i)) & 31) }
        return result
    }

    /// The code as printed: 18 upper-case characters.
    public var description: String {
        String(decoding: values.map { Self.alphabet[Int($0)] }, as: UTF8.self)
    }

    public static func < (lhs: CreditCode, rhs: CreditCode) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
