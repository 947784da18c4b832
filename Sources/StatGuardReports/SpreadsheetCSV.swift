import StatGuardCore

/// CSV for people who open it in a spreadsheet (data contract section 3):
/// UTF-8 with a byte-order mark so Excel in China shows the Chinese right, and
/// no formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab or CR
/// and is not a number gets a leading `'`.
public struct SpreadsheetCSV {
    private var text = "\u{FEFF}"

    /// Starts a file with its header record.
    public init(header: [String]) {
        append(header)
    }

    /// Appends one record.
    public mutating func append(_ cells: [String]) {
        text += CSVEncoding.record(cells.map(Self.safe))
    }

    /// The file's bytes, byte-order mark first.
    public var bytes: [UInt8] { Array(text.utf8) }

    /// The cell made safe from formula injection.
    public static func safe(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return Double(cell) != nil ? cell : "'" + cell
        default:
            return cell
        }
    }
}
