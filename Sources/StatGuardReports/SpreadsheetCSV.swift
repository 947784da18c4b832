import StatGuardCore

/// CSV for people who open it in a spreadsheet (data contract section 3):
/// UTF-8 with a byte-order mark so Excel in China shows the Chinese right, and
/// no formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab or CR
/// and is not a number gets a leading `'`.
public struct SpreadsheetCSV {
    /// The file so far, byte-order mark first; records are appended as bytes, field by field.
    public private(set) var bytes: [UInt8] = Array("\u{FEFF}".utf8)

    /// Starts a file with its header record.
    public init(header: [String]) {
        append(header)
    }

    /// Appends one record: the safe cells as RFC 4180 fields, comma-separated, ending in a line feed.
    public mutating func append(_ cells: [String]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CSVEncoding.append(Self.safe(cell), to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The cell made safe from formula injection.
    ///
    /// "Is a number" is the data contract's own number grammar, never `Double()`,
    /// which also reads `-nan(…)`, `+infinity` and hexadecimal floats.
    public static func safe(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return isPlainNumber(cell.utf8) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// Whether `bytes` is a signed plain decimal, as the reports write numbers:
    /// `[+-]? digits (. digits)?`, the whole part either plain or grouped by commas in threes.
    static func isPlainNumber(_ bytes: String.UTF8View) -> Bool {
        var i = bytes.startIndex
        if i != bytes.endIndex, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i = bytes.index(after: i) }
        var groupDigits = 0, groups = 0
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        // The whole part: digits, with commas only between groups of three.
        while i != bytes.endIndex {
            let b = bytes[i]
            if isDigit(b) {
                groupDigits += 1
            } else if b == UInt8(ascii: ",") && groupDigits > 0 && (groups == 0 ? groupDigits <= 3 : groupDigits == 3) {
                groups += 1
                groupDigits = 0
            } else {
                break
            }
            i = bytes.index(after: i)
        }
        guard groupDigits > 0, groups == 0 || groupDigits == 3 else { return false }
        guard i != bytes.endIndex else { return true }
        // The decimal part.
        guard bytes[i] == UInt8(ascii: ".") else { return false }
        i = bytes.index(after: i)
        var decimals = 0
        while i != bytes.endIndex {
            guard isDigit(bytes[i]) else { return false }
            decimals += 1
            i = bytes.index(after: i)
        }
        return decimals > 0
    }
}
