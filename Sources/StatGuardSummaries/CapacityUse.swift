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
        var byProduct: [String: ProductUtilisation] = [:]
        for row in 0..<products.count where loaded.contains(products.creditCodes[row]) {
            guard let design = capacities.annualCapacity(ofProductRow: row, in: products) else { continue }
            let code = products[text: ProductField.productCode][row]
            let unit = products[text: ProductField.unit][row]
            let key = code + "\u{1F}" + unit
            var entry = byProduct[key] ?? ProductUtilisation(
                productCode: code, productName: products[text: ProductField.productName][row], unit: unit,
                enterprises: 0, output: 0, outputYTD: 0, capacityForPeriod: 0, capacityForYTD: 0)
            entry.enterprises += 1
            entry.output += products[ProductField.output][row]
            entry.outputYTD += products[ProductField.outputYTD][row]
            entry.capacityForPeriod += design * monthsInPeriod / 12
            entry.capacityForYTD += design * monthsElapsed / 12
            byProduct[key] = entry
        }
        return byProduct.values.sorted { $0.productCode != $1.productCode ? $0.productCode < $1.productCode : $0.unit < $1.unit }
    }
}
