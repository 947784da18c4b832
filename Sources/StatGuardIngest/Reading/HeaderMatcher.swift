import StatGuardCore

/// Maps the header cells of a file to the contract's fields.
///
/// A header cell matches a field when, after normalising both (surrounding and
/// inner spaces dropped, full-width brackets `（）` read as `()`, case ignored,
/// `_` ignored), it equals the field's Chinese header, its English name, or a
/// pipeline alias for it.
public struct HeaderMatcher: Sendable {
    /// The outcome of matching one header line.
    public struct Match: Sendable {
        /// For each column of the file, the field index it fills, or nil for a pass-through column.
        public var fieldOfColumn: [Int?]
        /// Headers of the columns that match no field, kept as pass-through.
        public var unknownColumns: [String]
        /// Required fields with no column.
        public var missingRequired: [FieldSpec]
        /// A field claimed by two columns, with both headers.
        public var duplicate: (field: FieldSpec, headers: [String])?
    }

    private let fields: [FieldSpec]
    private let lookup: [String: Int]

    /// - Parameter aliases: extra header text → contract field name (from the pipeline file).
    public init(fields: [FieldSpec], aliases: [String: String] = [:]) {
        self.fields = fields
        var lookup: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            lookup[Self.normalize(field.header)] = index
            lookup[Self.normalize(field.name)] = index
        }
        for (alias, name) in aliases {
            if let index = fields.firstIndex(where: { $0.name == name }) { lookup[Self.normalize(alias)] = index }
        }
        self.lookup = lookup
    }

    /// The comparison form of a header: no spaces or underscores, half-width brackets, lower case.
    public static func normalize(_ header: String) -> String {
        var result = ""
        result.reserveCapacity(header.utf8.count)
        for scalar in header.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{3000}", "\u{FEFF}", "_", "\r", "\n": continue
            case "（": result.unicodeScalars.append("(")
            case "）": result.unicodeScalars.append(")")
            default: result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return result
    }

    /// Matches a header line.
    public func match(_ header: [String]) -> Match {
        var fieldOfColumn: [Int?] = []
        var unknown: [String] = []
        var claimedBy: [Int: String] = [:]
        var duplicate: (field: FieldSpec, headers: [String])?
        for cell in header {
            if let index = lookup[Self.normalize(cell)] {
                if let earlier = claimedBy[index] {
                    if duplicate == nil { duplicate = (fields[index], [earlier, cell]) }
                    fieldOfColumn.append(nil)
                    continue
                }
                claimedBy[index] = cell
                fieldOfColumn.append(index)
            } else {
                fieldOfColumn.append(nil)
                unknown.append(cell)
            }
        }
        let missing = fields.enumerated().filter { $0.element.required && claimedBy[$0.offset] == nil }.map(\.element)
        return Match(fieldOfColumn: fieldOfColumn, unknownColumns: unknown, missingRequired: missing, duplicate: duplicate)
    }

    /// How many of `header`'s cells match a field (used to infer a file's kind).
    public func matchCount(_ header: [String]) -> Int {
        Set(header.compactMap { lookup[Self.normalize($0)] }).count
    }
}
