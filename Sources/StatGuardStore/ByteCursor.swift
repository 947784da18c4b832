/// Reads the fixed-width fields of a decompressed column body, front to back,
/// refusing to read past its end.
struct ByteCursor {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() throws(ColumnCodecError) -> UInt8 {
        let at = try skip(1)
        return bytes[at]
    }

    /// A little-endian UInt64.
    mutating func word() throws(ColumnCodecError) -> UInt64 {
        let at = try skip(8)
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[at + i]) << UInt64(8 * i) }
        return value
    }

    /// A little-endian UInt64 counting a column's values (at most 2^31: no column is larger).
    mutating func count() throws(ColumnCodecError) -> Int {
        let value = try word()
        guard value <= 1 << 31 else { throw .malformed("count \(value)") }
        return Int(value)
    }

    /// Moves past `n` bytes; returns where they start.
    mutating func skip(_ n: Int) throws(ColumnCodecError) -> Int {
        guard n >= 0, n <= bytes.count - offset else { throw .malformed("column ends early") }
        defer { offset += n }
        return offset
    }

    /// Appends `value` little-endian to `out`.
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * i))) }
    }
}
