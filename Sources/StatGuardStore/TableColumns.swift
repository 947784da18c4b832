import Foundation
import StatGuardCore
import StatGuardIngest

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

    /// Rebuilds a table from the stored columns present in `columns`.
    static func decode(kind: FileKind, count: Int, columns: [String: Data]) -> ColumnTable {
        var numbers: [Int: [Double]] = [:]
        var texts: [Int: TextColumn] = [:]
        var periods: [Int: [Period?]] = [:]
        var codes: [Int: [UInt8]] = [:]
        var creditCodes: [CreditCode] = []
        var regionCodes: [RegionCode] = []
        var industryCodes: [IndustryCode] = []
        for (index, spec) in kind.fields.enumerated() {
            switch spec.type {
            case .text:
                if let bytes = columns[spec.name + ".bytes"], let ends = columns[spec.name + ".ends"] {
                    texts[index] = text(bytes: bytes, ends: ends)
                }
            default:
                guard let data = columns[spec.name] else { continue }
                switch spec.type {
                case .creditCode: creditCodes = ColumnBlob.decodeCreditCodes(data)
                case .regionCode: regionCodes = ColumnBlob.decode(data, as: UInt64.self).map(RegionCode.init(value:))
                case .industryCode: industryCodes = ColumnBlob.decode(data, as: UInt16.self).map(IndustryCode.init(value:))
                case .decimal, .count: numbers[index] = ColumnBlob.decode(data, as: Double.self)
                case .period: periods[index] = ColumnBlob.decodePeriods(data)
                case .code: codes[index] = ColumnBlob.decode(data, as: UInt8.self)
                case .text: break
                }
            }
        }
        var passThrough: [(header: String, values: TextColumn)] = []
        for name in columns.keys.sorted() where name.hasPrefix("_pass.") && name.hasSuffix(".bytes") {
            let header = String(name.dropFirst(6).dropLast(6))
            if let bytes = columns[name], let ends = columns["_pass.\(header).ends"] {
                passThrough.append((header, text(bytes: bytes, ends: ends)))
            }
        }
        return ColumnTable(
            kind: kind, count: count, lines: columns["_line"].map { ColumnBlob.decode($0, as: Int32.self) } ?? [],
            creditCodes: creditCodes, regionCodes: regionCodes, industryCodes: industryCodes,
            numbers: numbers, texts: texts, periods: periods, codes: codes, passThrough: passThrough)
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

    private static func text(bytes: Data, ends: Data) -> TextColumn {
        TextColumn(bytes: ColumnBlob.decode(bytes, as: UInt8.self), ends: ColumnBlob.decode(ends, as: Int64.self).map(Int.init))
    }
}
