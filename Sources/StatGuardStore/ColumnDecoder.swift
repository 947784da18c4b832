import Foundation
import StatGuardCore

/// Decodes stored column BLOBs of any ``ColumnCodec`` into typed columns.
///
/// `data` may point into SQLite's memory: it is read once and not kept. A
/// ``ColumnCodec/zstdPrefix`` column needs `prefix`, the body of its base column.
enum ColumnDecoder {
    static func bytes(_ data: Data, codec: ColumnCodec, prefix: [UInt8]? = nil) throws(ColumnCodecError) -> [UInt8] {
        guard codec != .raw else { return ColumnBlob.decode(data, as: UInt8.self) }
        let (layout, body) = try open(data, codec: codec, prefix: prefix)
        guard layout == .bytes else { throw .malformed("bytes stored as \(layout)") }
        return body
    }

    /// Integers stored by ``ColumnEncoder/integers(_:missing:delta:)`` (or raw as `T`).
    static func integers<T: FixedWidthInteger & BitwiseCopyable>(
        _ data: Data, codec: ColumnCodec, as type: T.Type, missing: T = 0, prefix: [UInt8]? = nil
    ) throws(ColumnCodecError) -> [T] {
        guard codec != .raw else { return ColumnBlob.decode(data, as: T.self) }
        let (layout, body) = try open(data, codec: codec, prefix: prefix)
        guard layout == .integers else { throw .malformed("integers stored as \(layout)") }
        var cursor = ByteCursor(body)
        return try PackedIntegers.read(&cursor, missing: Int64(truncatingIfNeeded: missing)) { T(truncatingIfNeeded: $0) }
    }

    static func decimals(_ data: Data, codec: ColumnCodec, prefix: [UInt8]? = nil) throws(ColumnCodecError) -> [Double] {
        guard codec != .raw else { return ColumnBlob.decode(data, as: Double.self) }
        let (layout, body) = try open(data, codec: codec, prefix: prefix)
        var cursor = ByteCursor(body)
        switch layout {
        case .decimals:
            let digits = Int(try cursor.byte())
            guard DecimalScaling.isValid(digits: digits) else { throw .malformed("\(digits) decimal digits") }
            return try PackedIntegers.read(&cursor, missing: DecimalScaling.missing) { DecimalScaling.value($0, digits: digits) }
        case .words:
            return try words(&cursor, size: 8).map(Double.init(bitPattern:))
        default:
            throw .malformed("decimals stored as \(layout)")
        }
    }

    /// A text column stored by ``ColumnEncoder/texts(_:)`` (no raw form: such columns were always compressed).
    static func texts(_ data: Data, codec: ColumnCodec) throws(ColumnCodecError) -> TextColumn {
        guard codec == .zstd else { throw .malformed("a text column stored as \(codec)") }
        let (layout, body) = try open(data, codec: codec, prefix: nil)
        guard layout == .texts else { throw .malformed("texts stored as \(layout)") }
        var cursor = ByteCursor(body)
        let ends = try PackedIntegers.read(&cursor) { Int($0) }
        let start = cursor.offset
        guard ends.last ?? 0 == body.count - start, zip(ends, ends.dropFirst()).allSatisfy({ $0 <= $1 }), ends.first ?? 0 >= 0 else {
            throw .malformed("text ends do not match the bytes")
        }
        return TextColumn(bytes: Array(body[start...]), ends: ends)
    }

    static func creditCodes(_ data: Data, codec: ColumnCodec, prefix: [UInt8]? = nil) throws(ColumnCodecError) -> [CreditCode] {
        guard codec != .raw else { return ColumnBlob.decodeCreditCodes(data) }
        let (layout, body) = try open(data, codec: codec, prefix: prefix)
        guard layout == .words else { throw .malformed("credit codes stored as \(layout)") }
        var cursor = ByteCursor(body)
        let words = try words(&cursor, size: 16)
        return (0..<(words.count / 2)).map { CreditCode(high: words[2 * $0], low: words[2 * $0 + 1]) }
    }

    /// The words of a ``ColumnLayout/words`` body, `size / 8` UInt64 to a word.
    private static func words(_ cursor: inout ByteCursor, size: Int) throws(ColumnCodecError) -> [UInt64] {
        guard Int(try cursor.byte()) == size else { throw .malformed("words of another size than \(size)") }
        let count = try cursor.count()
        let perWord = size / 8
        let start = try cursor.skip(count * size)
        var values = [UInt64](repeating: 0, count: count * perWord)
        cursor.bytes.withUnsafeBufferPointer { planes in
            values.withUnsafeMutableBufferPointer { out in
                guard let base = planes.baseAddress, let target = out.baseAddress else { return }
                for part in 0..<perWord {
                    let first = base + start + part * 8 * count
                    for i in 0..<count {
                        var word: UInt64 = 0
                        for byte in 0..<8 { word |= UInt64(first[byte * count + i]) << UInt64(byte * 8) }
                        target[i * perWord + part] = word
                    }
                }
            }
        }
        return values
    }

    /// The layout and body of a compressed column (`prefix`: the body of its base column, for ``ColumnCodec/zstdPrefix``).
    static func open(_ data: Data, codec: ColumnCodec, prefix: [UInt8]?) throws(ColumnCodecError) -> (ColumnLayout, [UInt8]) {
        guard let first = data.first, let layout = ColumnLayout(rawValue: first) else { throw .malformed("unknown layout") }
        guard (codec == .zstdPrefix) == (prefix != nil) else { throw .malformed("a \(codec) column with\(prefix == nil ? "out" : "") a base") }
        let body = data.withUnsafeBytes { raw in
            Result { () throws(ColumnCodecError) -> [UInt8] in
                try Zstd.decompress(UnsafeRawBufferPointer(rebasing: raw.dropFirst()), prefix: prefix)
            }
        }
        return (layout, try body.get())
    }
}
