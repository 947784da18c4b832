import Foundation
import StatGuardCore

/// Rebuilds a ``ColumnTable`` from stored column BLOBs as they are read, one at a
/// time, so each BLOB is copied once, straight into its typed column (the
/// `Data` it is handed may point into SQLite's memory and not outlive the call).
struct TableDecoder {
    let kind: FileKind
    let count: Int
    private let fieldOfName: [String: Int]
    private var numbers: [Int: [Double]] = [:]
    private var periods: [Int: [Period?]] = [:]
    private var codes: [Int: [UInt8]] = [:]
    private var textBytes: [String: [UInt8]] = [:]
    private var textEnds: [String: [Int]] = [:]
    private var creditCodes: [CreditCode] = []
    private var regionCodes: [RegionCode] = []
    private var industryCodes: [IndustryCode] = []
    private var lines: [Int32] = []
    /// Extra stored columns that are not table columns (e.g. the register's removed codes).
    private var extras: [String: (data: Data, codec: ColumnCodec)] = [:]

    init(kind: FileKind, count: Int) {
        self.kind = kind
        self.count = count
        fieldOfName = Dictionary(uniqueKeysWithValues: kind.fields.enumerated().map { ($0.element.name, $0.offset) })
    }

    /// Decodes the stored column `name`, encoded as `codec` (against `prefix`, its base column's body, if any).
    mutating func add(_ name: String, _ data: Data, codec: ColumnCodec, prefix: [UInt8]? = nil) throws(ColumnCodecError) {
        if name == "_line" { lines = try ColumnDecoder.integers(data, codec: codec, as: Int32.self, prefix: prefix); return }
        if name.hasSuffix(".bytes") { textBytes[String(name.dropLast(6))] = try ColumnDecoder.bytes(data, codec: codec, prefix: prefix); return }
        if name.hasSuffix(".ends") {
            textEnds[String(name.dropLast(5))] = try ColumnDecoder.integers(data, codec: codec, as: Int.self, prefix: prefix)
            return
        }
        guard let field = fieldOfName[name] else { extras[name] = (Data(data), codec); return }
        switch kind.fields[field].type {
        case .creditCode: creditCodes = try ColumnDecoder.creditCodes(data, codec: codec, prefix: prefix)
        case .regionCode: regionCodes = try ColumnDecoder.integers(data, codec: codec, as: UInt64.self, prefix: prefix).map(RegionCode.init(value:))
        case .industryCode:
            industryCodes = try ColumnDecoder.integers(data, codec: codec, as: UInt16.self, prefix: prefix).map(IndustryCode.init(value:))
        case .decimal, .count: numbers[field] = try ColumnDecoder.decimals(data, codec: codec, prefix: prefix)
        case .period:
            periods[field] = try ColumnDecoder.integers(data, codec: codec, as: Int32.self, missing: Int32.min, prefix: prefix)
                .map { $0 == Int32.min ? nil : Period(monthIndex: $0) }
        case .code: codes[field] = try ColumnDecoder.bytes(data, codec: codec, prefix: prefix)
        case .text: break
        }
    }

    /// The credit codes of the extra column `name` (e.g. the register's removed codes); empty when absent.
    func extraCreditCodes(_ name: String) throws(ColumnCodecError) -> [CreditCode] {
        guard let (data, codec) = extras[name] else { return [] }
        return try ColumnDecoder.creditCodes(data, codec: codec)
    }

    /// The table of every column added.
    func table() -> ColumnTable {
        var texts: [Int: TextColumn] = [:]
        var passThrough: [(header: String, values: TextColumn)] = []
        for (name, bytes) in textBytes {
            guard let ends = textEnds[name] else { continue }
            let column = TextColumn(bytes: bytes, ends: ends)
            if name.hasPrefix("_pass.") {
                passThrough.append((String(name.dropFirst(6)), column))
            } else if let field = fieldOfName[name] {
                texts[field] = column
            }
        }
        passThrough.sort { $0.header < $1.header }
        return ColumnTable(
            kind: kind, count: count, lines: lines, creditCodes: creditCodes, regionCodes: regionCodes,
            industryCodes: industryCodes, numbers: numbers, texts: texts, periods: periods, codes: codes,
            passThrough: passThrough)
    }
}
