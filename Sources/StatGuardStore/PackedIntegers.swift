/// Integers packed for a general compressor: frame of reference, the fewest whole
/// bytes per value, bytes transposed.
///
/// Each value is stored as its distance from the column's minimum (or, with
/// `delta`, from the value before it) in `width` bytes, 0 to 8; a missing value,
/// when the column has one, is the distance one past the largest. The bytes are
/// written plane by plane (every value's lowest byte, then every second byte, …),
/// so the mostly equal high bytes form long runs that zstd takes almost for free.
///
/// Layout: flags (bit 0 delta, bit 1 missing), width, base (Int64), count (UInt64),
/// the missing value's distance (UInt64, only with bit 1), then `width` planes of `count` bytes.
struct PackedIntegers {
    /// The values; positions holding `missing` are the missing ones.
    var values: [Int64]
    /// The marker of a missing value in ``values``, if the column can lack values.
    var missing: Int64?
    /// Store differences from the previous value (for increasing columns: lines, text ends).
    var delta = false

    /// Appends the packed form to `out`.
    func write(to out: inout [UInt8]) {
        let n = values.count
        var offsets = [UInt64](repeating: 0, count: n)
        var base: Int64 = 0
        var top: UInt64 = 0
        values.withUnsafeBufferPointer { v in
            if delta {
                var previous: Int64 = 0
                var low = Int64.max
                for i in 0..<n { let d = v[i] &- previous; previous = v[i]; low = min(low, d) }
                base = n > 0 ? low : 0
                previous = 0
                for i in 0..<n { offsets[i] = UInt64(bitPattern: v[i] &- previous &- base); previous = v[i]; top = max(top, offsets[i]) }
            } else {
                var low = Int64.max
                var present = false
                for x in v where x != missing { low = min(low, x); present = true }
                base = present ? low : 0
                for i in 0..<n where v[i] != missing { offsets[i] = UInt64(bitPattern: v[i] &- base); top = max(top, offsets[i]) }
                if missing != nil {
                    top &+= 1
                    for i in 0..<n where v[i] == missing { offsets[i] = top }
                }
            }
        }
        let width = (64 - top.leadingZeroBitCount + 7) / 8
        out.append((delta ? 1 : 0) | (missing != nil ? 2 : 0))
        out.append(UInt8(width))
        ByteCursor.append(UInt64(bitPattern: base), to: &out)
        ByteCursor.append(UInt64(n), to: &out)
        if missing != nil { ByteCursor.append(top, to: &out) }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: n * width))
        out.withUnsafeMutableBufferPointer { bytes in
            for plane in 0..<width {
                let shift = UInt64(plane * 8)
                let row = start + plane * n
                for i in 0..<n { bytes[row + i] = UInt8(truncatingIfNeeded: offsets[i] >> shift) }
            }
        }
    }

    /// Reads a packed column at `cursor`, each value (missing ones as `missing`) through `make`
    /// straight into the result: no intermediate column.
    static func read<T>(
        _ cursor: inout ByteCursor, missing: Int64 = 0, _ make: (Int64) -> T
    ) throws(ColumnCodecError) -> [T] {
        let flags = try cursor.byte()
        let width = Int(try cursor.byte())
        let base = Int64(bitPattern: try cursor.word())
        let count = try cursor.count()
        guard width <= 8, flags & ~3 == 0, flags != 3 else { throw .malformed("packed integers: flags \(flags), width \(width)") }
        let hasMissing = flags & 2 != 0
        let marker = hasMissing ? try cursor.word() : 0
        let (product, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow else { throw .malformed("packed integers: \(count) values") }
        let start = try cursor.skip(product)
        let delta = flags & 1 != 0
        return cursor.bytes.withUnsafeBufferPointer { planes in
            [T](unsafeUninitializedCapacity: count) { out, initialized in
                guard let first = planes.baseAddress.map({ $0 + start }), let target = out.baseAddress else {
                    initialized = 0
                    return
                }
                var previous: Int64 = 0
                for i in 0..<count {
                    var offset: UInt64 = 0
                    for plane in 0..<width { offset |= UInt64(first[plane * count + i]) << UInt64(plane * 8) }
                    let value: Int64
                    if delta {
                        previous = previous &+ base &+ Int64(bitPattern: offset)
                        value = previous
                    } else {
                        value = hasMissing && offset == marker ? missing : base &+ Int64(bitPattern: offset)
                    }
                    (target + i).initialize(to: make(value))
                }
                initialized = count
            }
        }
    }
}
