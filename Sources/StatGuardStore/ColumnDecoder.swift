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
            return try words(&cursor, size: 8) { planes, i, count in Double(bitPattern: word(planes, i, count)) }
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
        return try words(&cursor, size: 16) { planes, i, count in
            CreditCode(high: word(planes, i, count), low: word(planes + 8 * count, i, count))
        }
    }

    /// The values of a ``ColumnLayout/words`` body of `size`-byte words, each made by `make` from the
    /// byte planes, the row and the row count, straight into the result (no array of words between).
    @inline(__always)
    private static func words<T>(
        _ cursor: inout ByteCursor, size: Int, _ make: (_ planes: UnsafePointer<UInt8>, _ row: Int, _ count: Int) -> T
    ) throws(ColumnCodecError) -> [T] {
        guard Int(try cursor.byte()) == size else { throw .malformed("words of another size than \(size)") }
        let count = try cursor.count()
        let start = try cursor.skip(count * size)
        return cursor.bytes.withUnsafeBufferPointer { bytes in
            [T](unsafeUninitializedCapacity: count) { out, initialized in
                guard let base = bytes.baseAddress else { return initialized = 0 }
                for row in 0..<count { out[row] = make(base + start, row, count) }
                initialized = count
            }
        }
    }

    /// The UInt64 of `row` from eight byte planes of `count` bytes each, lowest byte first.
    @inline(__always)
    private static func word(_ planes: UnsafePointer<UInt8>, _ row: Int, _ count: Int) -> UInt64 {
        var word: UInt64 = 0
        for byte in 0..<8 { word |= UInt64(planes[byte * count + row]) << UInt64(byte * 8) }
        return word
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
