import StatGuardCore

/// Result of checking a chunk of bytes for UTF-8.
struct UTF8Scan {
    /// Bytes from the start that form complete, valid sequences.
    var validPrefix: Int
    /// Offset of the first invalid byte, or nil when the rest is only an incomplete final sequence.
    var invalidAt: Int?
    /// Number of multi-byte characters in the valid prefix.
    var multibyteCount: Int
}

/// Checks `bytes` for well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
///
/// A sequence cut off by the end of the chunk is not an error: it is left out of
/// `validPrefix` so the caller can carry it into the next chunk.
/// - Complexity: O(n), eight ASCII bytes at a time.
func scanUTF8(_ bytes: UnsafeRawBufferPointer) -> UTF8Scan {
    let n = bytes.count
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
        return UTF8Scan(validPrefix: 0, invalidAt: nil, multibyteCount: 0)
    }
    var i = 0
    var multibyteCount = 0
    while i < n {
        // Fast path: eight ASCII bytes at once.
        if i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
        }
        let b0 = base[i]
        if b0 < 0x80 { i += 1; continue }
        // Fast path: a three-byte character whose continuation bytes may be any of 80…BF (most of the
        // CJK range, what Chinese names are made of); other leads, and any doubt, take the general path.
        if b0 >= 0xE1, b0 != 0xED, b0 <= 0xEF, i + 2 < n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
            multibyteCount += 1
            i += 3
            continue
        }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return UTF8Scan(validPrefix: i, invalidAt: i, multibyteCount: multibyteCount)
        }
        for k in 1..<length {
            if i + k >= n { return UTF8Scan(validPrefix: i, invalidAt: nil, multibyteCount: multibyteCount) }
            let b = base[i + k]
            let lo: UInt8 = k == 1 ? lower : 0x80
            let hi: UInt8 = k == 1 ? upper : 0xBF
            if b < lo || b > hi { return UTF8Scan(validPrefix: i, invalidAt: i, multibyteCount: multibyteCount) }
        }
        multibyteCount += 1
        i += length
    }
    return UTF8Scan(validPrefix: n, invalidAt: nil, multibyteCount: multibyteCount)
}

/// Number of `\n` bytes in `bytes`.
func countNewlines(_ bytes: UnsafeRawBufferPointer) -> Int {
    var count = 0
    for b in bytes where b == 0x0A { count += 1 }
    return count
}
