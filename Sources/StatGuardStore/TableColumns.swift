import Foundation
import StatGuardCore

/// A ``ColumnTable`` as named BLOB columns, and back.
///
/// Column names: the contract field name (`gross_output`), `<field>.bytes` and
/// `<field>.ends` for text, `_line` for source lines, and `_pass.<header>.bytes` /
/// `.ends` for pass-through columns.
enum TableColumns {
    static func encode(_ table: ColumnTable) -> [(name: String, data: Data)] {
        var columns: [(String, Data)] = [("_line", ColumnBlob.encode(table.lines))]
        for (index, spec) in table.kind.fields.enumerated() {
            switch spec.type {
            case .creditCode: columns.append((spec.name, ColumnBlob.encode(table.creditCodes)))
            case .regionCode: columns.append((spec.name, ColumnBlob.encode(table.regionCodes.map(\.value))))
            case .industryCode: columns.append((spec.name, ColumnBlob.encode(table.industryCodes.map(\.value))))
            case .decimal, .count: columns.append((spec.name, ColumnBlob.encode(table.numbers[index])))
            case .period: columns.append((spec.name, ColumnBlob.encode(table.periods[index])))
            case .code: columns.append((spec.name, ColumnBlob.encode(table.codes[index])))
            case .text:
                columns.append((spec.name + ".bytes", ColumnBlob.encode(table.texts[index].bytes)))
                columns.append((spec.name + ".ends", ColumnBlob.encode(table.texts[index].ends.map(Int64.init))))
            }
        }
        for (header, values) in table.passThrough {
            columns.append(("_pass.\(header).bytes", ColumnBlob.encode(values.bytes)))
            columns.append(("_pass.\(header).ends", ColumnBlob.encode(values.ends.map(Int64.init))))
        }
        return columns
    }

    /// The stored column names holding `fields` (plus the credit code, always needed to align rows).
    static func storedNames(kind: FileKind, fields: Set<String>) -> Set<String> {
        var names: Set<String> = ["credit_code"]
        for spec in kind.fields where fields.contains(spec.name) {
            if spec.type == .text { names.insert(spec.name + ".bytes"); names.insert(spec.name + ".ends") }
            else { names.insert(spec.name) }
        }
        return names
    }
}
