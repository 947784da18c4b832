import StatGuardCore

/// Builds the text of a contract CSV file (data contract section 2) for fixtures.
///
/// Every column has a valid default value, so a test states only what it is
/// about: `csv.row(["gross_output": "-5"])`. Columns and overrides are named by
/// the contract's English field names (`credit_code`).
public struct ContractCSV: Sendable {
    /// How header cells are written.
    public enum HeaderStyle: Sendable {
        /// The canonical Chinese headers (`统一社会信用代码`).
        case chinese
        /// The English field names (`credit_code`).
        case english
    }

    /// The file's fields in contract order.
    public let fields: [FieldSpec]
    /// The columns written, by field name, in file order.
    public var columns: [String]
    public var headerStyle: HeaderStyle
    /// The value each column gets unless a row overrides it.
    public var defaults: [String: String]

    public init(kind: FileKind, defaults: [String: String], headerStyle: HeaderStyle = .chinese) {
        fields = kind.fields
        columns = fields.map(\.name)
        self.headerStyle = headerStyle
        self.defaults = defaults
        for name in defaults.keys { precondition(fields.contains { $0.name == name }, "no field '\(name)'") }
    }

    /// The same file without the columns `names`.
    public func dropping(_ names: String...) -> ContractCSV {
        var copy = self
        for name in names { precondition(columns.contains(name), "no column '\(name)'") }
        copy.columns.removeAll { names.contains($0) }
        return copy
    }

    /// The same file with its header written in `style`.
    public func header(_ style: HeaderStyle) -> ContractCSV {
        var copy = self
        copy.headerStyle = style
        return copy
    }

    /// The header cells.
    public var header: [String] {
        columns.map { name in
            let spec = fields.first { $0.name == name }!
            return headerStyle == .chinese ? spec.header : spec.name
        }
    }

    /// One row's cells: the defaults with `overrides` applied.
    public func row(_ overrides: [String: String] = [:]) -> [String] {
        for name in overrides.keys { precondition(columns.contains(name), "no column '\(name)'") }
        return columns.map { overrides[$0] ?? defaults[$0] ?? "" }
    }

    /// The file's text: the header and `rows`, RFC 4180-quoted, `\n` line ends.
    public func text(_ rows: [[String]]) -> String {
        ([header] + rows).map { CSVEncoding.record($0) }.joined()
    }

    /// The file's text with `count` default rows, each with its own valid credit code.
    public func text(rowCount count: Int) -> String {
        text((0..<count).map { row(["credit_code": TestCodes.valid($0)]) })
    }
}

extension ContractCSV {
    /// 企业月报 for March 2024 (contract 2.1), one enterprise in class 2521 炼焦.
    public static let reports = ContractCSV(kind: .reports, defaults: [
        "credit_code": "91110000101623741K", "name": "北京焦化有限公司", "region_code": "110108001002",
        "industry_code": "2521", "period": "2024-03", "gross_output": "1200.5", "gross_output_ytd": "3400",
        "gross_output_ly": "1100", "gross_output_ytd_ly": "3000", "sales_output": "1150",
        "sales_output_ytd": "3300", "export_delivery": "0", "revenue_ytd": "3500", "profit_ytd": "-12.5",
        "electricity": "35.2", "energy": "410", "employees": "230", "park": "高新技术产业园",
    ])

    /// 主要产品产量 for March 2024 (contract 2.2).
    public static let products = ContractCSV(kind: .products, defaults: [
        "credit_code": "91110000101623741K", "period": "2024-03", "product_code": "2501",
        "product_name": "焦炭", "unit": "吨", "output": "1200", "output_ytd": "3400",
    ])

    /// 名录库 (contract 2.3): an operating 规上 enterprise.
    public static let register = ContractCSV(kind: .register, defaults: [
        "credit_code": "91110000101623741K", "name": "北京焦化有限公司", "region_code": "110108001002",
        "industry_code": "2521", "above_scale": "1", "status": "1", "entered": "2020-01", "exited": "",
        "park": "高新技术产业园",
    ])

    /// 产能 (contract 2.4).
    public static let capacity = ContractCSV(kind: .capacity, defaults: [
        "credit_code": "91110000101623741K", "product_code": "2501", "product_name": "焦炭",
        "unit": "吨", "annual_capacity": "50000",
    ])

    /// 部门共享数据 for March 2024 (contract 2.5).
    public static let admin = ContractCSV(kind: .admin, defaults: [
        "credit_code": "91110000101623741K", "name": "北京焦化有限公司", "region_code": "110108001002",
        "industry_code": "2521", "period": "2024-03", "grid_electricity": "36", "invoiced_sales": "3400",
    ])
}
