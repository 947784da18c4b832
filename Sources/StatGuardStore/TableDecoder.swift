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
    private(set) var extras: [String: Data] = [:]

    init(kind: FileKind, count: Int) {
        self.kind = kind
        self.count = count
        fieldOfName = Dictionary(uniqueKeysWithValues: kind.fields.enumerated().map { ($0.element.name, $0.offset) })
    }

    /// Decodes the stored column `name`.
    mutating func add(_ name: String, _ data: Data) {
        if name == "_line" { lines = ColumnBlob.decode(data, as: Int32.self); return }
        if name.hasSuffix(".bytes") { textBytes[String(name.dropLast(6))] = ColumnBlob.decode(data, as: UInt8.self); return }
        if name.hasSuffix(".ends") { textEnds[String(name.dropLast(5))] = ColumnBlob.decode(data, as: Int64.self).map(Int.init); return }
        guard let field = fieldOfName[name] else { extras[name] = Data(data); return }
        switch kind.fields[field].type {
        case .creditCode: creditCodes = ColumnBlob.decodeCreditCodes(data)
        case .regionCode: regionCodes = ColumnBlob.decode(data, as: UInt64.self).map(RegionCode.init(value:))
        case .industryCode: industryCodes = ColumnBlob.decode(data, as: UInt16.self).map(IndustryCode.init(value:))
        case .decimal, .count: numbers[field] = ColumnBlob.decode(data, as: Double.self)
        case .period: periods[field] = ColumnBlob.decodePeriods(data)
        case .code: codes[field] = ColumnBlob.decode(data, as: UInt8.self)
        case .text: break
        }
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
