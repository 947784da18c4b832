import Foundation
import StatGuardCore

/// A ``ColumnTable`` as named BLOB columns (``ColumnCodec/zstd``), and back.
///
/// Column names: the contract field name (`gross_output`), `<field>.bytes` and
/// `<field>.ends` for text, `_line` for source lines, and `_pass.<header>.bytes` /
/// `.ends` for pass-through columns.
enum TableColumns {
    static func encode(_ table: ColumnTable) -> [(name: String, data: Data)] {
        encodeAll(table).map { ($0.name, $0.column.data()) }
    }

    /// The encoded columns, each saying whether it may be stored against an earlier period's
    /// (``ColumnCodec/zstdPrefix``): all but decimals, which change every month.
    static func encodeColumns(_ table: ColumnTable) -> [(name: String, column: EncodedColumn, referable: Bool)] {
        encodeAll(table).map { name, column in
            let spec = table.kind.fields.first { $0.name == name }
            let changesMonthly = spec.map { spec in
                switch spec.type {
                case .decimal, .count: true
                default: false
                }
            } ?? false
            return (name, column, !changesMonthly)
        }
    }

    private static func encodeAll(_ table: ColumnTable) -> [(name: String, column: EncodedColumn)] {
        var columns: [(String, EncodedColumn)] = [("_line", ColumnEncoder.integers(table.lines, delta: true))]
        for (index, spec) in table.kind.fields.enumerated() {
            switch spec.type {
            case .creditCode: columns.append((spec.name, ColumnEncoder.creditCodes(table.creditCodes)))
            case .regionCode: columns.append((spec.name, ColumnEncoder.integers(table.regionCodes.map(\.value))))
            case .industryCode: columns.append((spec.name, ColumnEncoder.integers(table.industryCodes.map(\.value))))
            case .decimal, .count: columns.append((spec.name, ColumnEncoder.decimals(table.numbers[index])))
            case .period:
                columns.append((spec.name, ColumnEncoder.integers(table.periods[index].map { $0?.monthIndex ?? Int32.min }, missing: Int32.min)))
            case .code: columns.append((spec.name, ColumnEncoder.bytes(table.codes[index])))
            case .text:
                columns.append((spec.name + ".bytes", ColumnEncoder.bytes(table.texts[index].bytes)))
                columns.append((spec.name + ".ends", ColumnEncoder.integers(table.texts[index].ends, delta: true)))
            }
        }
        for (header, values) in table.passThrough {
            columns.append(("_pass.\(header).bytes", ColumnEncoder.bytes(values.bytes)))
            columns.append(("_pass.\(header).ends", ColumnEncoder.integers(values.ends, delta: true)))
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

    /// The stored column `name` of a `kind` table in its raw form (``ColumnBlob``), whatever its
    /// codec: what the store's content digest reads, so the same data digests the same however
    /// it is encoded. A name that is no field of `kind` is a column of credit codes (`_removed`).
    static func rawBytes(
        kind: FileKind, name: String, data: Data, codec: ColumnCodec, prefix: [UInt8]? = nil
    ) throws(ColumnCodecError) -> Data {
        guard codec != .raw else { return Data(data) }
        if name == "_line" { return ColumnBlob.encode(try ColumnDecoder.integers(data, codec: codec, as: Int32.self, prefix: prefix)) }
        if name.hasSuffix(".bytes") { return ColumnBlob.encode(try ColumnDecoder.bytes(data, codec: codec, prefix: prefix)) }
        if name.hasSuffix(".ends") { return ColumnBlob.encode(try ColumnDecoder.integers(data, codec: codec, as: Int64.self, prefix: prefix)) }
        guard let spec = kind.fields.first(where: { $0.name == name }) else {
            return ColumnBlob.encode(try ColumnDecoder.creditCodes(data, codec: codec, prefix: prefix))
        }
        switch spec.type {
        case .creditCode: return ColumnBlob.encode(try ColumnDecoder.creditCodes(data, codec: codec, prefix: prefix))
        case .regionCode: return ColumnBlob.encode(try ColumnDecoder.integers(data, codec: codec, as: UInt64.self, prefix: prefix))
        case .industryCode: return ColumnBlob.encode(try ColumnDecoder.integers(data, codec: codec, as: UInt16.self, prefix: prefix))
        case .decimal, .count: return ColumnBlob.encode(try ColumnDecoder.decimals(data, codec: codec, prefix: prefix))
        case .period, .text: return ColumnBlob.encode(try ColumnDecoder.integers(data, codec: codec, as: Int32.self, missing: Int32.min, prefix: prefix))
        case .code: return ColumnBlob.encode(try ColumnDecoder.bytes(data, codec: codec, prefix: prefix))
        }
    }
}
