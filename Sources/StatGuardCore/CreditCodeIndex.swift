/// A map from credit code to row for joining tables of a period and its history.
///
/// Open addressing with linear probing and a multiplicative mix of the packed
/// code: credit codes are not adversarial input, so a cheap hash serves, where
/// `Dictionary`'s seeded SipHash would dominate a national month's joins.
/// A slot is one word: the high half of the code's hash beside its row, so a probe
/// reads the indexed codes only when the hashes agree; the index keeps the codes
/// array it was made from (shared, not copied). The first row of a code wins.
/// - Complexity: building O(n); lookups O(1) expected.
public struct CreditCodeIndex: Sendable {
    private let codes: [CreditCode]
    /// Empty: 0. Else the hash's high 32 bits, then row + 1 in the low 32.
    private let slots: [UInt64]
    private let mask: Int
    /// Number of distinct codes.
    public let count: Int

    /// Indexes `codes`: the row of a code is its first position.
    public init(_ codes: [CreditCode]) {
        precondition(codes.count < Int(Int32.max), "more rows than a row number holds")
        var capacity = 16
        while capacity < codes.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var count = 0
        for (row, code) in codes.enumerated() {
            let (slot, found) = Self.probe(code, slots, codes, mask)
            guard found < 0 else { continue }
            slots[slot] = Self.hash(code) & Self.tagBits | UInt64(row + 1)
            count += 1
        }
        self.codes = codes
        self.slots = slots
        self.mask = mask
        self.count = count
    }

    private static let tagBits: UInt64 = 0xFFFF_FFFF_0000_0000
    private static let rowBits: UInt64 = 0x0000_0000_FFFF_FFFF

    @inline(__always)
    private static func hash(_ code: CreditCode) -> UInt64 {
        let h = code.high &* 0x9E37_79B9_7F4A_7C15 ^ code.low &* 0xC2B2_AE3D_27D4_EB4F
        return h ^ (h >> 29)
    }

    /// The first row of `code`, or −1.
    @inline(__always)
    public func row(of code: CreditCode) -> Int32 { Int32(Self.probe(code, slots, codes, mask).row) }

    /// Where `code` stands in `slots`: its slot and row, or the empty slot it would take and −1.
    /// A slot's codes are read only when its hash tag agrees.
    @inline(__always)
    private static func probe(_ code: CreditCode, _ slots: [UInt64], _ codes: [CreditCode], _ mask: Int) -> (slot: Int, row: Int) {
        let h = hash(code), tag = h & tagBits
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            if slots[i] & tagBits == tag {
                let row = Int(slots[i] & rowBits) - 1
                if codes[row] == code { return (i, row) }
            }
            i = (i + 1) & mask
        }
        return (i, -1)
    }

    /// The first row of `code`, or nil.
    public subscript(code: CreditCode) -> Int? {
        let row = row(of: code)
        return row < 0 ? nil : Int(row)
    }

    public func contains(_ code: CreditCode) -> Bool { row(of: code) >= 0 }

    /// For each of `codes`, its row here, or −1.
    public func rows(of codes: [CreditCode]) -> [Int32] { codes.map { row(of: $0) } }
}
