/// The five input files of a monthly load (data contract section 2).
public enum FileKind: String, CaseIterable, Sendable {
    case reports, products, register, capacity, admin

    /// The file's columns in contract order.
    public var fields: [FieldSpec] {
        switch self {
        case .reports: ReportField.allCases.map(\.spec)
        case .products: ProductField.allCases.map(\.spec)
        case .register: RegisterField.allCases.map(\.spec)
        case .capacity: CapacityField.allCases.map(\.spec)
        case .admin: AdminField.allCases.map(\.spec)
        }
    }

    /// Whether each row carries a 报告期 that must equal the load's period.
    public var hasPeriod: Bool {
        switch self {
        case .reports, .products, .admin: true
        case .register, .capacity: false
        }
    }

    /// The Chinese title of the file.
    public var title: String {
        switch self {
        case .reports: "企业月报"
        case .products: "主要产品产量"
        case .register: "名录库"
        case .capacity: "产能"
        case .admin: "部门共享数据"
        }
    }

    /// The contract file name for a period: `reports_202403.csv`, `register.csv`.
    public func fileName(for period: Period?) -> String {
        if hasPeriod, let period { return "\(rawValue)_\(period.compact).csv" }
        return "\(rawValue).csv"
    }

    /// Infers the kind from a file name such as `reports_202403.csv` or `register.csv`.
    public static func inferred(fromFileName name: String) -> FileKind? {
        let lower = name.lowercased()
        return allCases.first { lower.hasPrefix($0.rawValue) }
    }
}
