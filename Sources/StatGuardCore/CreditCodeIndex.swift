/// A map from credit code to row for joining tables of a period and its history.
///
/// Open addressing with linear probing and a multiplicative mix of the packed
/// code: credit codes are not adversarial input, so a cheap hash serves, where
/// `Dictionary`'s seeded SipHash would dominate a national month's joins.
/// The first row of a code wins.
/// - Complexity: building O(n); lookups O(1) expected.
public struct CreditCodeIndex: Sendable {
    private var high: [UInt64]
    private var low: [UInt64]
    private var rows: [Int32]
    private let mask: Int
    /// Number of distinct codes.
    public private(set) var count = 0

    /// Indexes `codes`: the row of a code is its first position.
    public init(_ codes: [CreditCode]) {
        var capacity = 16
        while capacity < codes.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        high = [UInt64](repeating: 0, count: capacity)
        low = [UInt64](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        for (row, code) in codes.enumerated() { insert(code, row: Int32(row)) }
    }

    @inline(__always)
    private func slot(_ code: CreditCode) -> Int {
        var h = code.high &* 0x9E37_79B9_7F4A_7C15 ^ code.low &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    private mutating func insert(_ code: CreditCode, row: Int32) {
        var i = slot(code)
        while rows[i] >= 0 {
            if high[i] == code.high && low[i] == code.low { return }
            i = (i + 1) & mask
        }
        high[i] = code.high
        low[i] = code.low
        rows[i] = row
        count += 1
    }

    /// The first row of `code`, or −1.
    @inline(__always)
    public func row(of code: CreditCode) -> Int32 {
        var i = slot(code)
        while rows[i] >= 0 {
            if high[i] == code.high && low[i] == code.low { return rows[i] }
            i = (i + 1) & mask
        }
        return -1
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
