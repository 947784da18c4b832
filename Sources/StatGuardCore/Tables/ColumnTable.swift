
/// The loaded rows of one contract file, column by column.
///
/// Arrays are indexed by the field's position in ``FileKind/fields`` (the raw
/// value of ``ReportField`` and its siblings); only the array matching a
/// field's type is filled, the others stay empty. Missing numbers are `.nan`,
/// never zero; missing periods are nil. Use the typed subscripts, e.g.
/// `table[ReportField.grossOutput]`.
public struct ColumnTable: Sendable {
    public let kind: FileKind
    /// Number of loaded rows.
    public package(set) var count = 0
    /// Physical line of each loaded row in its file.
    public package(set) var lines: [Int32] = []
    /// The credit code of each row (every contract file has one).
    public package(set) var creditCodes: [CreditCode] = []
    /// Region codes, for files that carry them; otherwise empty.
    public package(set) var regionCodes: [RegionCode] = []
    /// Industry codes, for files that carry them; otherwise empty.
    public package(set) var industryCodes: [IndustryCode] = []
    /// Decimal and count columns by field index (`.nan` = missing).
    public package(set) var numbers: [[Double]]
    /// Text columns by field index.
    public package(set) var texts: [TextColumn]
    /// Period columns by field index.
    public package(set) var periods: [[Period?]]
    /// One-digit code columns by field index (`above_scale`, `status`).
    public package(set) var codes: [[UInt8]]
    /// Columns that match no contract field, kept as they came.
    public package(set) var passThrough: [(header: String, values: TextColumn)] = []

    public init(kind: FileKind) {
        self.kind = kind
        let n = kind.fields.count
        numbers = Array(repeating: [], count: n)
        texts = Array(repeating: TextColumn(), count: n)
        periods = Array(repeating: [], count: n)
        codes = Array(repeating: [], count: n)
    }

    public subscript<F: ContractField>(field: F) -> [Double] { numbers[field.rawValue] }
    public subscript<F: ContractField>(text field: F) -> TextColumn { texts[field.rawValue] }
    public subscript<F: ContractField>(period field: F) -> [Period?] { periods[field.rawValue] }
    public subscript<F: ContractField>(code field: F) -> [UInt8] { codes[field.rawValue] }
}
