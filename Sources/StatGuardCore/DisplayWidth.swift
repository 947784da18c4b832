/// How wide text shows in a monospaced grid such as a spreadsheet column:
/// East Asian wide and full-width characters (汉字, 全角标点, Hangul, kana)
/// take two columns, everything else one, control characters none.
///
/// Used to size spreadsheet columns and to lay out chart labels; an estimate,
/// not a font measurement (Unicode's East Asian Width W and F ranges, condensed).
public enum DisplayWidth {
    /// Whether `scalar` is East Asian wide or full-width.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Columns `text` takes: 2 per wide character, 0 per control character, 1 otherwise.
    public static func columns(_ text: String) -> Int {
        // ASCII text (codes, keys, figures, English) counted from its bytes, without decoding scalars.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var total = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte >= 0x20 && byte != 0x7F { total += 1 }
            }
            return total
        }
        if case let count?? = ascii { return count }
        var total = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
            total += isWide(scalar) ? 2 : 1
        }
        return total
    }
}
