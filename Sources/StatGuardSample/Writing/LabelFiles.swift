import StatGuardCore

/// A row of `labels.csv`: one planted anomaly in one enterprise-period (or a town's region row).
struct LabelRow {
    /// The enterprise, or -1 for a region row (blank credit code).
    var entity: Int32
    var period: Int32
    var region: UInt64
    var kind: AnomalyKind
    var indicator: String
    var factor: Double
}

/// Writes `labels.csv` and `negatives.csv` (always UTF-8, LF: they are the answer key, not bureau files).
enum LabelFiles {
    static let labelHeader = "credit_code,period,region_code,category,kind,indicator,factor\n"
    static let negativeHeader = "credit_code,period,region_code,kind,indicator,factor\n"

    /// Label rows sorted by period, kind, region and credit code.
    static func write(labels: [LabelRow], population: Population, to path: String) throws {
        let sorted = labels.sorted {
            ($0.period, $0.kind, $0.region, $0.entity) < ($1.period, $1.kind, $1.region, $1.entity)
        }
        let writer = try CSVFileWriter(path: path, style: .plain)
        writer.buffer.append(string: labelHeader)
        for label in sorted {
            if label.entity >= 0 { writer.buffer.append(population.codeBytes[Int(label.entity) * 18..<Int(label.entity) * 18 + 18]) }
            writer.buffer.comma(); writer.buffer.append(periodBytes(label.period))
            writer.buffer.comma(); writer.buffer.append(digits: label.region, width: 12)
            writer.buffer.comma(); writer.buffer.append(string: label.kind.category.rawValue)
            writer.buffer.comma(); writer.buffer.append(string: label.kind.rawValue)
            writer.buffer.comma(); writer.buffer.append(string: label.indicator)
            writer.buffer.comma(); writer.buffer.append(label.factor, decimals: 3)
            try writer.endRecord()
        }
        try writer.close()
    }

    /// Negative rows sorted by period, kind and credit code.
    static func write(negatives: [NegativeRow], population: Population, to path: String) throws {
        let order = NegativeKind.allCases
        let sorted = negatives.sorted {
            ($0.period, order.firstIndex(of: $0.kind)!, $0.entity) < ($1.period, order.firstIndex(of: $1.kind)!, $1.entity)
        }
        let writer = try CSVFileWriter(path: path, style: .plain)
        writer.buffer.append(string: negativeHeader)
        for row in sorted {
            let e = Int(row.entity)
            writer.buffer.append(population.codeBytes[e * 18..<e * 18 + 18])
            writer.buffer.comma(); writer.buffer.append(periodBytes(row.period))
            writer.buffer.comma(); writer.buffer.append(digits: population.regions[e], width: 12)
            writer.buffer.comma(); writer.buffer.append(string: row.kind.rawValue)
            writer.buffer.comma(); writer.buffer.append(string: row.indicator)
            writer.buffer.comma(); writer.buffer.append(row.factor, decimals: 3)
            try writer.endRecord()
        }
        try writer.close()
    }
}
