/// A GB/T 4754-2017 industry class: four digits, the first two the division.
///
/// Kept as an integer 0...9999 and printed with its leading zero (`0610`).
public struct IndustryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The four digits read as a number (`610` for `0610`).
    public let value: UInt16

    public init(value: UInt16) {
        precondition(value < 10_000)
        self.value = value
    }

    /// Parses exactly four ASCII digits (`0610`); nil for anything else, a sign included.
    public init?(_ text: String) {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = UInt16(text) else { return nil }
        self.value = v
    }

    /// The 2-digit division (`06` for `0610`).
    public var division: Int { Int(value) / 100 }

    /// The 3-digit group (`061` for `0610`).
    public var group: Int { Int(value) / 10 }

    /// The section letter: `B` (divisions 06-12), `C` (13-43), `D` (44-46), or nil outside industry.
    public var section: Character? {
        switch division {
        case 6...12: return "B"
        case 13...43: return "C"
        case 44...46: return "D"
        default: return nil
        }
    }

    /// Four digits with the leading zero.
    public var description: String {
        let digits = String(value)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// The 2-digit division with its leading zero.
    public var divisionCode: String {
        division < 10 ? "0\(division)" : "\(division)"
    }

    public static func < (lhs: IndustryCode, rhs: IndustryCode) -> Bool { lhs.value < rhs.value }
}
