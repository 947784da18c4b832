
extension ColumnTable {
    /// Assembles a table from stored columns (the store's history, the sample generator).
    ///
    /// Columns the caller did not load stay empty: such a partial table holds
    /// `count` entries only in the columns that were given.
    public init(
        kind: FileKind, count: Int, lines: [Int32] = [], creditCodes: [CreditCode], regionCodes: [RegionCode] = [],
        industryCodes: [IndustryCode] = [], numbers: [Int: [Double]] = [:], texts: [Int: TextColumn] = [:],
        periods: [Int: [Period?]] = [:], codes: [Int: [UInt8]] = [:], passThrough: [(header: String, values: TextColumn)] = []
    ) {
        self.init(kind: kind)
        self.count = count
        self.lines = lines
        self.creditCodes = creditCodes
        self.regionCodes = regionCodes
        self.industryCodes = industryCodes
        for (field, column) in numbers { self.numbers[field] = column }
        for (field, column) in texts { self.texts[field] = column }
        for (field, column) in periods { self.periods[field] = column }
        for (field, column) in codes { self.codes[field] = column }
        self.passThrough = passThrough
    }

    /// The rows at `indices`, in that order, as a new table (every non-empty column gathered).
    public func selecting(_ indices: [Int]) -> ColumnTable {
        func pick<T>(_ column: [T]) -> [T] { column.isEmpty ? [] : indices.map { column[$0] } }
        func pickText(_ column: TextColumn) -> TextColumn {
            guard column.count == count else { return column.count == 0 ? column : TextColumn() }
            var result = TextColumn()
            for index in indices { column.withUTF8(index) { result.append($0) } }
            return result
        }
        var table = ColumnTable(kind: kind)
        table.count = indices.count
        table.lines = pick(lines)
        table.creditCodes = pick(creditCodes)
        table.regionCodes = pick(regionCodes)
        table.industryCodes = pick(industryCodes)
        table.numbers = numbers.map(pick)
        table.texts = texts.map(pickText)
        table.periods = periods.map(pick)
        table.codes = codes.map(pick)
        table.passThrough = passThrough.map { ($0.header, pickText($0.values)) }
        return table
    }

    /// A map from credit code to row (the first row when a code repeats).
    /// - Complexity: O(n).
    public func rowIndex() -> CreditCodeIndex { CreditCodeIndex(creditCodes) }
}

extension ColumnTable {
    /// Appends every row of `other` (same kind, same columns filled).
    public mutating func append(contentsOf other: ColumnTable) {
        precondition(other.kind == kind, "appending a \(other.kind) table to a \(kind) table")
        count += other.count
        lines += other.lines
        creditCodes += other.creditCodes
        regionCodes += other.regionCodes
        industryCodes += other.industryCodes
        for i in numbers.indices { numbers[i] += other.numbers[i] }
        for i in periods.indices { periods[i] += other.periods[i] }
        for i in codes.indices { codes[i] += other.codes[i] }
        for i in texts.indices {
            for row in 0..<other.texts[i].count { other.texts[i].withUTF8(row) { texts[i].append($0) } }
        }
    }
}
