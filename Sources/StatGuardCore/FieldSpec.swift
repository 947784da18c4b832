/// The type of a contract column, deciding how its text is read and checked.
public enum FieldType: Sendable, Equatable {
    /// 统一社会信用代码: 18 characters with check characters (GB 32100).
    case creditCode
    /// Free text such as a name or park.
    case text
    /// 12-digit 行政区划代码.
    case regionCode
    /// 4-digit GB/T 4754 class of sections B, C, D.
    case industryCode
    /// A reporting period in any contract spelling.
    case period
    /// A decimal amount; negative only where `allowsNegative` (profit).
    case decimal(allowsNegative: Bool)
    /// A whole number ≥ 0 (employees).
    case count
    /// A one-digit code from a closed list (`above_scale`: 0/1, `status`: 1-4).
    case code(allowed: ClosedRange<UInt8>)
}

/// One column of a contract file: its English field name, canonical Chinese
/// header, type and whether a value is required.
public struct FieldSpec: Sendable, Equatable {
    /// The contract's English name, e.g. `gross_output`.
    public let name: String
    /// The canonical Chinese header, e.g. `工业总产值(当年价格)本月`.
    public let header: String
    public let type: FieldType
    /// Whether a blank value makes the row unusable (rule S01).
    public let required: Bool

    public init(_ name: String, _ header: String, _ type: FieldType, required: Bool) {
        self.name = name
        self.header = header
        self.type = type
        self.required = required
    }
}

/// A column enumeration of one contract file, its raw value the column's index in ``FileKind/fields``.
public protocol ContractField: RawRepresentable<Int>, CaseIterable, Sendable {
    /// The column's contract definition.
    var spec: FieldSpec { get }
}
