import StatGuardCore
import StatGuardIngest

/// 产能利用率 per product: output against design capacity pro-rated to the period.
enum CapacityUse {
    /// Per product code (and unit), over the enterprises that report the product and have a capacity for it in the same unit.
    static func products(_ input: SummaryInput) -> [ProductUtilisation] {
        guard let products = input.products, let capacity = input.capacity else { return [] }
        struct Key: Hashable { var code: CreditCode; var product: String; var unit: String }
        var annual: [Key: Double] = [:]
        for row in 0..<capacity.count {
            let key = Key(code: capacity.creditCodes[row], product: capacity[text: CapacityField.productCode][row], unit: capacity[text: CapacityField.unit][row])
            annual[key, default: 0] += capacity[CapacityField.annualCapacity][row]
        }
        let monthsInPeriod = input.calendar.combinesJanuaryFebruary && input.period.month == 2 ? 2.0 : 1.0
        let monthsElapsed = Double(input.period.month)
        let loaded = Set(input.reports.creditCodes)
        var byProduct: [String: ProductUtilisation] = [:]
        for row in 0..<products.count where loaded.contains(products.creditCodes[row]) {
            let code = products[text: ProductField.productCode][row]
            let unit = products[text: ProductField.unit][row]
            guard let design = annual[Key(code: products.creditCodes[row], product: code, unit: unit)] else { continue }
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
