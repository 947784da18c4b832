/// One worksheet: a header row, then data rows of typed cells.
///
/// The header row is frozen (with ``frozenColumns`` columns, if any), an
/// autofilter covers the header and the data, and column widths fit their
/// contents unless given, counting East Asian wide characters as two.
public struct Sheet: Sendable, Equatable {
    /// The tab name: 1-31 characters, none of `[ ] : * ? / \`, not starting or ending
    /// with `'`, unique ignoring case (see ``SheetName/make(_:taken:)`` for names from input).
    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Columns left of the split that stay in view when scrolling right (e.g. code and name).
    public var frozenColumns: Int
    public var autofilter: Bool

    public init(name: String, columns: [Column], rows: [[Cell]] = [], frozenColumns: Int = 0, autofilter: Bool = true) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.frozenColumns = frozenColumns
        self.autofilter = autofilter
    }
}

/// A column: its header text, width and, optionally, a drop-down of allowed values.
public struct Column: Sendable, Equatable {
    public var header: String
    /// Width in Excel's character units; nil fits the header and cells (2 units per wide character), 6...60.
    public var width: Double?
    /// Values offered as a drop-down list on every data row of the column; blank stays allowed.
    /// Excel limits the list to 255 characters joined by commas.
    public var choices: [String]?

    public init(_ header: String, width: Double? = nil, choices: [String]? = nil) {
        self.header = header
        self.width = width
        self.choices = choices
    }
}

/// A cell's value and how it shows.
public enum Cell: Sendable, Equatable {
    /// Always a string cell: `=SUM(A1)` or `'0123` stays exactly that text.
    case text(String)
    /// A number shown with `format`; NaN and infinities are written as a blank cell.
    case number(Double, NumberFormat)
    /// A whole number shown with thousands separators.
    case integer(Int)
    case empty

    /// A number with its format, or a blank cell when `value` is nil or not finite.
    public static func figure(_ value: Double?, _ format: NumberFormat) -> Cell {
        guard let value, value.isFinite else { return .empty }
        return .number(value, format)
    }

    /// Text, or a blank cell when `value` is nil.
    public static func optionalText(_ value: String?) -> Cell {
        value.map(Cell.text) ?? .empty
    }
}

/// A named Excel number format.
public struct NumberFormat: Sendable, Hashable {
    /// What the format is for, in the statisticians' words (`千元`, `百分比`).
    public var name: String
    /// Excel's format code, e.g. `#,##0.0`.
    public var code: String

    public init(name: String, code: String) {
        self.name = name
        self.code = code
    }

    /// Money in 千元, one decimal, thousands separators.
    public static let thousandYuan = NumberFormat(name: "千元", code: "#,##0.0")
    /// Money in 万元, one decimal, thousands separators.
    public static let tenThousandYuan = NumberFormat(name: "万元", code: "#,##0.0")
    /// A fraction shown as a percentage with one decimal (0.123 → 12.3%).
    public static let percent = NumberFormat(name: "百分比", code: "0.0%")
    /// Percentage points with two decimals (拉动).
    public static let points = NumberFormat(name: "百分点", code: "0.00")
    /// Physical quantities, one decimal, thousands separators.
    public static let quantity = NumberFormat(name: "数量", code: "#,##0.0")
    /// Whole numbers with thousands separators.
    public static let integer = NumberFormat(name: "整数", code: "#,##0")
    /// Alert scores with six decimals, as alerts.csv prints them.
    public static let score = NumberFormat(name: "得分", code: "0.000000")
}
