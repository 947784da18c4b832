import StatGuardCore
#if canImport(Glibc)
import Glibc
#endif

/// How a period's register differs from the register before it: the rows that are new or
/// changed (region, class, or any text, code or period field), in credit-code order, and the
/// codes that left it, in code order. A row is compared with the first row of its code before.
///
/// Both registers are walked in code order side by side (the register before is rebuilt in
/// code order, so sorting it finds one run), and the matched rows are then compared one column
/// at a time over raw buffers: no hashing, and no per-row copies of the columns.
struct RegisterDiff {
    private(set) var changed: [Int] = []
    private(set) var removed: [CreditCode] = []

    init(_ register: ColumnTable, since previous: ColumnTable) {
        let codes = register.creditCodes, oldCodes = previous.creditCodes
        let order = Self.codeOrder(codes), oldOrder = Self.codeOrder(oldCodes)
        // Each row of `register` in code order, and the row of `previous` it matches, or −1.
        var matched = [Int](repeating: -1, count: order.count)
        var j = 0
        var lastCode: CreditCode?
        for (position, row) in order.enumerated() {
            let code = codes[row]
            while j < oldOrder.count, oldCodes[oldOrder[j]] < code {
                if oldCodes[oldOrder[j]] != lastCode { removed.append(oldCodes[oldOrder[j]]) }
                j += 1
            }
            if j < oldOrder.count, oldCodes[oldOrder[j]] == code { matched[position] = oldOrder[j] }
            lastCode = code
        }
        for k in j..<oldOrder.count where oldCodes[oldOrder[k]] != lastCode { removed.append(oldCodes[oldOrder[k]]) }

        var rows = MatchedRows(order: order, matched: matched, oldCount: previous.count)
        rows.compare(register.regionCodes, previous.regionCodes)
        rows.compare(register.industryCodes, previous.industryCodes)
        for field in RegisterField.allCases {
            let k = field.rawValue
            switch field.spec.type {
            case .text: rows.compare(register.texts[k], previous.texts[k])
            case .code: rows.compare(register.codes[k], previous.codes[k])
            case .period: rows.compare(register.periods[k], previous.periods[k])
            default: continue
            }
        }
        changed = order.indices.filter { !rows.same[$0] }.map { order[$0] }
    }

    /// Every row of a register as rows to store: all of them, in code order.
    init(allOf register: ColumnTable) {
        changed = Self.codeOrder(register.creditCodes)
    }

    /// The rows in code order, rows sharing a code in row order.
    static func codeOrder(_ codes: [CreditCode]) -> [Int] {
        codes.withUnsafeBufferPointer { codes in
            Array(codes.indices).sorted { codes[$0] < codes[$1] || (codes[$0] == codes[$1] && $0 < $1) }
        }
    }
}

/// The rows of a register in code order, each with its match in the register before (or −1),
/// and whether each is still the same after the columns compared so far.
private struct MatchedRows {
    let order: [Int]
    let matched: [Int]
    let oldCount: Int
    private(set) var same: [Bool]

    init(order: [Int], matched: [Int], oldCount: Int) {
        (self.order, self.matched, self.oldCount) = (order, matched, oldCount)
        same = matched.map { $0 >= 0 }
    }

    /// Whether the column pair holds a value for every row of both registers; when only one
    /// of them does (a column the register before was stored without), every row differs.
    private mutating func covers(_ newCount: Int, _ oldCount: Int) -> Bool {
        if newCount == order.count && oldCount == self.oldCount { return true }
        if newCount != 0 || oldCount != 0 { same = same.map { _ in false } }
        return false
    }

    /// Each matched row whose value in `new` differs from its match's in `old` is no longer the same.
    mutating func compare<T: Equatable>(_ new: [T], _ old: [T]) {
        guard covers(new.count, old.count) else { return }
        let (order, matched) = (self.order, self.matched)
        new.withUnsafeBufferPointer { new in
            old.withUnsafeBufferPointer { old in
                for position in order.indices where same[position] && new[order[position]] != old[matched[position]] {
                    same[position] = false
                }
            }
        }
    }

    /// The same for a text column: values equal byte for byte.
    mutating func compare(_ new: TextColumn, _ old: TextColumn) {
        guard covers(new.count, old.count) else { return }
        let (order, matched) = (self.order, self.matched)
        new.bytes.withUnsafeBufferPointer { newBytes in
            new.ends.withUnsafeBufferPointer { newEnds in
                old.bytes.withUnsafeBufferPointer { oldBytes in
                    old.ends.withUnsafeBufferPointer { oldEnds in
                        for position in order.indices where same[position] {
                            let i = order[position], j = matched[position]
                            let start = i == 0 ? 0 : newEnds[i - 1], oldStart = j == 0 ? 0 : oldEnds[j - 1]
                            let count = newEnds[i] - start
                            if count != oldEnds[j] - oldStart
                                || (count > 0 && memcmp(newBytes.baseAddress! + start, oldBytes.baseAddress! + oldStart, count) != 0) {
                                same[position] = false
                            }
                        }
                    }
                }
            }
        }
    }
}
