extension Period {
    /// Parses every period spelling of the data contract: `2024-03`, `202403`,
    /// `2024/03`, `2024年3月`, `2024.3`, plus `2024-3`, `2024年1-2月` (the
    /// combined first period, read as `2024-02`), full-width digits, and the
    /// first-of-month date Excel makes of a period (`2024/3/1`, `2024-03-01`).
    /// Returns nil for anything else.
    public init?(_ text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ Period(utf8: $0) }) else { return nil }
        self = parsed
    }

    /// Parses a period from UTF-8 bytes without allocating (see ``init(_:)``).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var groups: (Int, Int, Int) = (0, 0, 0)
        var digitsIn: (Int, Int, Int) = (0, 0, 0)
        var separators: (UInt8, UInt8) = (0, 0)  // between group 1-2 and 2-3
        var group = 0
        var sawMonthMark = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var digit = -1
            var width = 1
            if b >= 0x30 && b <= 0x39 {
                digit = Int(b - 0x30)
            } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBC, bytes[i + 2] >= 0x90, bytes[i + 2] <= 0x99 {
                digit = Int(bytes[i + 2] - 0x90); width = 3  // full-width ０-９
            }
            if digit >= 0 {
                if sawMonthMark { return nil }
                // No spelling has more than 8 digits in a group (`20240301`): more is not a period, and never overflows.
                guard max(digitsIn.0, digitsIn.1, digitsIn.2) < 8 else { return nil }
                switch group {
                case 0: groups.0 = groups.0 * 10 + digit; digitsIn.0 += 1
                case 1: groups.1 = groups.1 * 10 + digit; digitsIn.1 += 1
                case 2: groups.2 = groups.2 * 10 + digit; digitsIn.2 += 1
                default: return nil
                }
                i += width
                continue
            }
            // A separator: '-', '/', '.', '年' (E5 B9 B4), full-width '－' (EF BC 8D); '月' (E6 9C 88) ends.
            var sep: UInt8 = 0
            if b == 0x2D || b == 0x2F || b == 0x2E { sep = b }
            else if b == 0xE5, i + 2 < n, bytes[i + 1] == 0xB9, bytes[i + 2] == 0xB4 { sep = 0x59; width = 3 }  // 'Y'
            else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x8D { sep = 0x2D; width = 3 }
            else if b == 0xE6, i + 2 < n, bytes[i + 1] == 0x9C, bytes[i + 2] == 0x88 {
                sawMonthMark = true; i += 3; continue
            } else if b == 0x20 || b == 0x09 {
                if group == 0 && digitsIn.0 == 0 { i += 1; continue }  // leading space
                i += 1; continue  // trailing or inner spaces are ignored
            } else {
                return nil
            }
            if sawMonthMark { return nil }
            switch group {
            case 0: guard digitsIn.0 > 0 else { return nil }; separators.0 = sep
            case 1: guard digitsIn.1 > 0 else { return nil }; separators.1 = sep
            default: return nil
            }
            group += 1
            i += width
        }
        let year: Int
        let month: Int
        switch group {
        case 0:
            guard digitsIn.0 == 6, !sawMonthMark else { return nil }
            year = groups.0 / 100; month = groups.0 % 100
        case 1:
            guard digitsIn.0 == 4, (1...2).contains(digitsIn.1) else { return nil }
            // 年 needs 月 after it; the other separators must not have one.
            guard (separators.0 == 0x59) == sawMonthMark else { return nil }
            year = groups.0; month = groups.1
        case 2:
            guard digitsIn.0 == 4, (1...2).contains(digitsIn.1), (1...2).contains(digitsIn.2) else { return nil }
            if separators.0 == 0x59 {
                // 2024年1-2月: the combined first period of the year.
                guard sawMonthMark, separators.1 == 0x2D, groups.1 == 1, groups.2 == 2 else { return nil }
                year = groups.0; month = 2
            } else {
                // A first-of-month date: 2024-03-01, 2024/3/1.
                guard !sawMonthMark, separators.0 == separators.1, separators.0 != 0x2E, groups.2 == 1 else { return nil }
                year = groups.0; month = groups.1
            }
        default:
            return nil
        }
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }
}
