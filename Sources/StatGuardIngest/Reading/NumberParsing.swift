import StatGuardCore

/// The reading of one numeric cell.
public enum ParsedNumber: Equatable, Sendable {
    case value(Double)
    /// Blank, or a placeholder for "no figure": `-`, `—`, `——`, `－`, `/`, `／`.
    case missing
    /// Not a number.
    case invalid
    /// A number too large for any figure to be read (`1e400`, hundreds of digits): rule S10.
    case outOfRange
}

/// Parses a numeric cell as the contract allows it: plain (`12345.6`), with
/// thousands separators (`12,345.6`), surrounding spaces (also U+3000),
/// full-width digits and punctuation (`１２３４５．６`), a sign, or an exponent.
/// Blank and the dash or slash placeholders are missing, never zero; `-0` is zero.
/// A number beyond the range of `Double` is ``ParsedNumber/outOfRange``, never infinity.
///
/// Works on the bytes without allocating. Digits are accumulated into an
/// integer and scaled once, which is exact for up to 15 significant digits.
public func parseNumber(_ raw: UnsafeBufferPointer<UInt8>) -> ParsedNumber {
    if let plain = parsePlainDecimal(raw) { return .value(plain) }
    var start = 0
    var end = raw.count
    // Trim ASCII spaces/tabs and U+3000 (E3 80 80) on both sides.
    while true {
        if start < end && (raw[start] == 0x20 || raw[start] == 0x09) { start += 1; continue }
        if start + 3 <= end && raw[start] == 0xE3 && raw[start + 1] == 0x80 && raw[start + 2] == 0x80 { start += 3; continue }
        break
    }
    while true {
        if end > start && (raw[end - 1] == 0x20 || raw[end - 1] == 0x09) { end -= 1; continue }
        if end - 3 >= start && raw[end - 3] == 0xE3 && raw[end - 2] == 0x80 && raw[end - 1] == 0x80 { end -= 3; continue }
        break
    }
    if start == end { return .missing }
    if isPlaceholder(raw, start, end) { return .missing }

    var negative = false
    var mantissa: UInt64 = 0
    var significant = 0
    var dropped = 0  // integer digits beyond 19 significant ones
    var fractionDigits = 0
    var integerDigits = 0
    var digitsSinceComma = -1  // -1: no comma seen
    var sawDot = false
    var sawDigit = false
    var exponent = 0
    var i = start
    while i < end {
        var b = raw[i]
        var width = 1
        // Full-width forms EF BC 8B-99: ＋ ， － ． ／ ０-９ → their ASCII twins.
        if b == 0xEF && i + 2 < end && raw[i + 1] == 0xBC && raw[i + 2] >= 0x8B && raw[i + 2] <= 0x99 {
            b = raw[i + 2] - 0x8B + 0x2B
            width = 3
        }
        switch b {
        case 0x30...0x39:
            sawDigit = true
            let d = UInt64(b - 0x30)
            if significant < 19 {
                if mantissa != 0 || d != 0 { significant += 1 }
                mantissa = mantissa * 10 + d
                if sawDot { fractionDigits += 1 }
            } else if !sawDot {
                dropped += 1
            }
            if !sawDot {
                integerDigits += 1
                if digitsSinceComma >= 0 { digitsSinceComma += 1 }
            }
        case 0x2C:  // thousands separator: only in the integer part, after a digit, groups of three
            if sawDot || integerDigits == 0 || digitsSinceComma == 0 || (digitsSinceComma > 0 && digitsSinceComma != 3)
                || (digitsSinceComma == -1 && integerDigits > 3) { return .invalid }
            digitsSinceComma = 0
        case 0x2E:
            if sawDot || (digitsSinceComma >= 0 && digitsSinceComma != 3) { return .invalid }
            sawDot = true
        case 0x2D, 0x2B:
            if i != start { return .invalid }
            negative = b == 0x2D
        case 0x45, 0x65:
            guard sawDigit, let e = parseExponent(raw, i + 1, end) else { return .invalid }
            exponent = e
            i = end
            continue
        default:
            return .invalid
        }
        i += width
    }
    if !sawDigit { return .invalid }
    if !sawDot && digitsSinceComma >= 0 && digitsSinceComma != 3 { return .invalid }
    if mantissa == 0 { return .value(0) }  // `-0` is zero, never printed as -0.0
    let scale = exponent - fractionDigits + dropped
    if scale > maximumScale { return .outOfRange }
    var value = Double(mantissa)
    if scale < 0 {
        value = -scale > maximumScale ? 0 : value / powerOfTen(-scale)
    } else if scale > 0 {
        value *= powerOfTen(scale)
    }
    if !value.isFinite { return .outOfRange }
    return .value(negative && value != 0 ? -value : value)
}

/// The common case in one pass: `-?digits(.digits)?`, at most 15 digits, nothing else.
/// Returns nil for anything else, which the full parser then reads.
@inline(__always)
private func parsePlainDecimal(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = raw.count
    guard n > 0, n <= 17 else { return nil }
    var i = 0
    let negative = raw[0] == 0x2D
    if negative { i = 1 }
    var mantissa: Int64 = 0
    var digits = 0
    var fraction = -1
    while i < n {
        let b = raw[i]
        if b == 0x2E {
            if fraction >= 0 { return nil }
            fraction = 0
        } else {
            let d = b &- 0x30
            if d > 9 { return nil }
            mantissa = mantissa &* 10 &+ Int64(d)  // at most 16 digits in 17 bytes: no overflow
            digits += 1
            if fraction >= 0 { fraction += 1 }
        }
        i += 1
    }
    guard digits > 0, digits <= 15, fraction != 0 else { return nil }
    var value = Double(mantissa)
    if fraction > 0 { value /= plainPowersOfTen[fraction] }
    return negative && value != 0 ? -value : value
}

private let plainPowersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

private let exactPowersOfTen: [Double] = (0...22).map { k in
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
}

/// A power of ten past which every non-zero mantissa overflows (or underflows to zero).
private let maximumScale = 400

private func powerOfTen(_ k: Int) -> Double {
    if k <= 22 { return exactPowersOfTen[k] }
    var p = exactPowersOfTen[22]
    for _ in 22..<k { p *= 10 }
    return p
}

private func parseExponent(_ raw: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int? {
    var i = from
    var negative = false
    if i < end && (raw[i] == 0x2B || raw[i] == 0x2D) { negative = raw[i] == 0x2D; i += 1 }
    guard i < end else { return nil }
    var e = 0
    while i < end {
        let d = raw[i] &- 0x30
        guard d < 10 else { return nil }
        e = min(e * 10 + Int(d), 100_000)  // saturates: any such exponent is out of range
        i += 1
    }
    return negative ? -e : e
}

/// `-`, `/`, `—`, `——`, `－`, `／` alone.
private func isPlaceholder(_ raw: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    let length = end - start
    if length == 1 { return raw[start] == 0x2D || raw[start] == 0x2F }
    if length == 3 || length == 6 {
        var i = start
        while i < end {
            let isEmDash = raw[i] == 0xE2 && raw[i + 1] == 0x80 && raw[i + 2] == 0x94
            let isFullWidth = raw[i] == 0xEF && raw[i + 1] == 0xBC && (raw[i + 2] == 0x8D || raw[i + 2] == 0x8F)
            if !(isEmDash || isFullWidth) || (length == 6 && !isEmDash) { return false }
            i += 3
        }
        return true
    }
    return false
}
