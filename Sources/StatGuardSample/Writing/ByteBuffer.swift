/// A reusable byte buffer with fast CSV cell formatting: numbers are written digit
/// by digit, with no `String` per cell, so millions of rows format in seconds.
struct ByteBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    @inline(__always)
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func comma() { bytes.append(0x2C) }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ slice: ArraySlice<UInt8>) { bytes.append(contentsOf: slice) }

    @inline(__always)
    mutating func append(_ array: [UInt8]) { bytes.append(contentsOf: array) }

    mutating func append(string: String) { bytes.append(contentsOf: string.utf8) }

    /// An unsigned integer, zero-padded to at least `width` digits.
    @inline(__always)
    mutating func append(digits value: UInt64, width: Int = 1) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of digits
        withUnsafeMutableBytes(of: &scratch) { raw in
            var v = value
            var i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            } while v > 0 || raw.count - i < width
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[i...]))
        }
    }

    /// A signed integer.
    @inline(__always)
    mutating func append(integer value: Int64) {
        if value < 0 { bytes.append(0x2D) }
        append(digits: value.magnitude)
    }

    private static let scales: [Double] = [1, 10, 100, 1000]

    /// `value` with exactly `decimals` decimals (0...3), rounded half away from zero;
    /// NaN writes nothing (a blank cell: missing, not zero).
    @inline(__always)
    mutating func append(_ value: Double, decimals: Int) {
        if value.isNaN { return }
        let scaled = Int64((value * Self.scales[decimals]).rounded())
        if scaled < 0 { bytes.append(0x2D) }
        let magnitude = scaled.magnitude
        if decimals == 0 {
            append(digits: magnitude)
            return
        }
        var divisor: UInt64 = 10
        if decimals == 2 { divisor = 100 } else if decimals == 3 { divisor = 1000 }
        append(digits: magnitude / divisor)
        bytes.append(0x2E)
        append(digits: magnitude % divisor, width: decimals)
    }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

/// Rounds to the decimals a figure is written with, so what is kept equals what was written.
@inline(__always)
func rounded(_ value: Double, _ decimals: Int) -> Double {
    switch decimals {
    case 0: return value.rounded()
    case 1: return (value * 10).rounded() / 10
    case 2: return (value * 100).rounded() / 100
    default: return (value * 1000).rounded() / 1000
    }
}
