import Foundation
import StatGuardCore

/// Encodes typed columns as ``EncodedColumn``s: a layout and its body, compressed when stored.
///
/// Codes and small integers are packed to the fewest bytes over their minimum,
/// increasing columns (lines, text ends) as differences, decimals as scaled
/// integers when every value is a decimal fraction of at most four digits (always
/// exact: a value is scaled only when it reads back bit for bit), then everything
/// through zstd.
enum ColumnEncoder {
    static func bytes(_ values: [UInt8]) -> EncodedColumn {
        EncodedColumn(layout: .bytes, body: values)
    }

    /// Integers of any width up to 64 bits; `missing` marks the values a column lacks.
    static func integers<T: FixedWidthInteger>(_ values: [T], missing: T? = nil, delta: Bool = false) -> EncodedColumn {
        var body: [UInt8] = []
        PackedIntegers(
            values: values.map { Int64(truncatingIfNeeded: $0) }, missing: missing.map { Int64(truncatingIfNeeded: $0) },
            delta: delta
        ).write(to: &body)
        return EncodedColumn(layout: .integers, body: body)
    }

    static func decimals(_ values: [Double]) -> EncodedColumn {
        guard let (digits, scaled) = DecimalScaling.scaled(values) else {
            return words(values.map(\.bitPattern), size: 8)
        }
        var body: [UInt8] = [UInt8(digits)]
        PackedIntegers(values: scaled, missing: DecimalScaling.missing).write(to: &body)
        return EncodedColumn(layout: .decimals, body: body)
    }

    /// A text column as one body (``ColumnLayout/texts``).
    static func texts(_ column: TextColumn) -> EncodedColumn {
        var body: [UInt8] = []
        PackedIntegers(values: column.ends.map(Int64.init), delta: true).write(to: &body)
        body.append(contentsOf: column.bytes)
        return EncodedColumn(layout: .texts, body: body)
    }

    static func creditCodes(_ codes: [CreditCode]) -> EncodedColumn {
        var words: [UInt64] = []
        words.reserveCapacity(codes.count * 2)
        for code in codes { words.append(code.high); words.append(code.low) }
        return self.words(words, size: 16)
    }

    /// `values` grouped `size / 8` to a word, transposed byte plane by byte plane.
    private static func words(_ values: [UInt64], size: Int) -> EncodedColumn {
        let perWord = size / 8
        let count = values.count / perWord
        var body: [UInt8] = [UInt8(size)]
        ByteCursor.append(UInt64(count), to: &body)
        let start = body.count
        body.append(contentsOf: repeatElement(0, count: count * size))
        body.withUnsafeMutableBufferPointer { out in
            for byte in 0..<size {
                let part = byte / 8
                let shift = UInt64(byte % 8 * 8)
                let row = start + byte * count
                for i in 0..<count { out[row + i] = UInt8(truncatingIfNeeded: values[i * perWord + part] >> shift) }
            }
        }
        return EncodedColumn(layout: .words, body: body)
    }
}

/// A column's layout and body, before zstd.
struct EncodedColumn {
    let layout: ColumnLayout
    let body: [UInt8]

    /// The stored BLOB: the layout byte, then the body in one zstd frame (with `prefix`, the
    /// base column's body, for a ``ColumnCodec/zstdPrefix`` column).
    func data(prefix: [UInt8]? = nil) -> Data {
        var data = Data([layout.rawValue])
        data.append(Zstd.compress(body, prefix: prefix))
        return data
    }
}
