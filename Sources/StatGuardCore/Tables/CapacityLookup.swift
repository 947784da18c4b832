
/// Design capacity (设计年产能) by enterprise, product code and unit, for O02 and
/// the capacity-use summary. Rows of one enterprise are chained behind its first
/// row, and product codes and units are compared as bytes: no string per row.
public struct CapacityLookup: Sendable {
    private let capacity: ColumnTable
    private let index: CreditCodeIndex
    /// The next capacity row of the same enterprise, or −1.
    private let next: [Int32]

    public init(_ capacity: ColumnTable) {
        self.capacity = capacity
        index = capacity.rowIndex()
        var next = [Int32](repeating: -1, count: capacity.count)
        var tail = [Int32](repeating: -1, count: capacity.count)
        for row in 0..<capacity.count {
            let first = Int(index.row(of: capacity.creditCodes[row]))
            if first == row {
                tail[row] = Int32(row)
            } else {
                next[Int(tail[first])] = Int32(row)
                tail[first] = Int32(row)
            }
        }
        self.next = next
    }

    /// The annual design capacity of product row `row` of `products`: the sum of the
    /// enterprise's entries with the same product code and unit, or nil when it has none.
    public func annualCapacity(ofProductRow row: Int, in products: ColumnTable) -> Double? {
        var entry = index.row(of: products.creditCodes[row])
        guard entry >= 0 else { return nil }
        let codes = capacity[text: CapacityField.productCode], units = capacity[text: CapacityField.unit]
        let productCodes = products[text: ProductField.productCode], productUnits = products[text: ProductField.unit]
        let annual = capacity[CapacityField.annualCapacity]
        var total: Double?
        while entry >= 0 {
            let c = Int(entry)
            let same = codes.withUTF8(c) { a in productCodes.withUTF8(row) { a.elementsEqual($0) } }
                && units.withUTF8(c) { a in productUnits.withUTF8(row) { a.elementsEqual($0) } }
            if same { total = (total ?? 0) + annual[c] }
            entry = next[c]
        }
        return total
    }
}
