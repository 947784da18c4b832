/// A 12-digit 统计用区划代码: 2 province, 2 city, 2 county, 3 town, 3 village digits.
///
/// Kept as an integer (it is an identifier, never a quantity: it is only ever
/// compared and formatted back to 12 digits with its leading zeros).
public struct RegionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 12 digits read as a decimal number.
    public let value: UInt64

    public init(value: UInt64) {
        precondition(value < 1_000_000_000_000)
        self.value = value
    }

    /// Parses exactly 12 ASCII digits (surrounding spaces ignored); nil otherwise.
    public init?(utf8 raw: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var end = raw.count
        while start < end && raw[start] == 0x20 { start += 1 }
        while end > start && raw[end - 1] == 0x20 { end -= 1 }
        guard end - start == 12 else { return nil }
        var v: UInt64 = 0
        for i in start..<end {
            let d = raw[i] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + UInt64(d)
        }
        self.value = v
    }

    public init?(_ text: String) {
        var copy = text
        guard let code = copy.withUTF8({ RegionCode(utf8: $0) }) else { return nil }
        self = code
    }

    /// The county this region lies in: the first 6 digits, the rest zero.
    public var county: RegionCode { RegionCode(value: value / 1_000_000 * 1_000_000) }

    /// The town (乡镇/街道) this region lies in: the first 9 digits, the rest zero.
    public var town: RegionCode { RegionCode(value: value / 1_000 * 1_000) }

    /// The county's 6-digit code (`511703`), as region names and reports show it.
    public var countyCode: String { String(description.prefix(6)) }

    /// The town's 9-digit code (`511703001`), as region names and reports show it.
    public var townCode: String { String(description.prefix(9)) }

    /// The town part (first 9 digits) of a region code written as text, the code itself when shorter.
    public static func townCode(of code: String) -> String { code.count >= 9 ? String(code.prefix(9)) : code }

    /// The 12 digits with leading zeros.
    public var description: String {
        let digits = String(value)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.value < rhs.value }
}
