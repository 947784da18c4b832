import StatGuardCore

/// 产能利用率 per product: output against design capacity pro-rated to the period.
enum CapacityUse {
    /// Per product code (and unit), over the enterprises that report the product and have a capacity for it in the same unit.
    static func products(_ input: SummaryInput) -> [ProductUtilisation] {
        guard let products = input.products, let capacity = input.capacity else { return [] }
        let capacities = CapacityLookup(capacity)
        let monthsInPeriod = input.calendar.combinesJanuaryFebruary && input.period.month == 2 ? 2.0 : 1.0
        let monthsElapsed = Double(input.period.month)
        let loaded = input.reports.rowIndex()
        // The columns looked up once, each product's entry updated in place.
        let (codes, units, names) = (products[text: ProductField.productCode], products[text: ProductField.unit], products[text: ProductField.productName])
        let (output, outputYTD) = (products[ProductField.output], products[ProductField.outputYTD])
        var byProduct: [String: ProductUtilisation] = [:]
        for row in 0..<products.count where loaded.contains(products.creditCodes[row]) {
            guard let design = capacities.annualCapacity(ofProductRow: row, in: products) else { continue }
            let code = codes[row]
            let unit = units[row]
            let key = code + "\u{1F}" + unit
            byProduct[key, default: ProductUtilisation(
                productCode: code, productName: names[row], unit: unit,
                enterprises: 0, output: 0, outputYTD: 0, capacityForPeriod: 0, capacityForYTD: 0)].add(
                output: output[row], outputYTD: outputYTD[row], capacityForPeriod: design * monthsInPeriod / 12,
                capacityForYTD: design * monthsElapsed / 12)
        }
        return byProduct.values.sorted { $0.productCode != $1.productCode ? $0.productCode < $1.productCode : $0.unit < $1.unit }
    }
}

extension ProductUtilisation {
    /// Counts one more enterprise with its output and the capacity pro-rated to the period and the year so far.
    fileprivate mutating func add(output: Double, outputYTD: Double, capacityForPeriod: Double, capacityForYTD: Double) {
        enterprises += 1
        self.output += output
        self.outputYTD += outputYTD
        self.capacityForPeriod += capacityForPeriod
        self.capacityForYTD += capacityForYTD
    }
}
