import StatGuardCore

/// The rows of a table that lie in a region given as a code prefix (2 to 12 digits), found
/// on the codes' integer values: no text is made per row, so a national table filters in milliseconds.
struct RegionFilter: Sendable {
    let prefix: String
    private let low: UInt64
    private let high: UInt64

    init(prefix: String) {
        self.prefix = prefix
        let digits = prefix.utf8.prefix(12)
        let value = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1 &- 0x30) % 10 }
        var scale: UInt64 = 1
        for _ in digits.count..<12 { scale *= 10 }
        low = value * scale
        high = low + scale
    }

    func contains(_ code: RegionCode) -> Bool { code.value >= low && code.value < high }

    func contains(_ text: String) -> Bool { text.hasPrefix(prefix) }

    /// The table's rows in the region. A table without region codes (products, capacity) keeps
    /// the rows whose credit code is in `codes`.
    func rows(of table: ColumnTable, codes: CreditCodeIndex? = nil) -> ColumnTable {
        var kept: [Int] = []
        kept.reserveCapacity(table.count)
        if !table.regionCodes.isEmpty {
            for (row, code) in table.regionCodes.enumerated() where contains(code) { kept.append(row) }
        } else if let codes {
            for (row, code) in table.creditCodes.enumerated() where codes.contains(code) { kept.append(row) }
        } else {
            return table
        }
        return kept.count == table.count ? table : table.selecting(kept)
    }
}
