import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport

/// Random reports files for property tests: valid rows with cells replaced by quotes, commas,
/// line breaks of every kind, empty cells, huge numbers, full-width digits and stray bytes;
/// records written properly quoted or raw, with LF, CRLF or lone CR; blank lines between.
struct RandomFile {
    static let csv = ContractCSV.reports
    static let pieces = [
        "北京", "焦化", "𠮷", "有限", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "Co.", "１２", "（", "）", "—", "-",
        "1e400", "5e15", "-3e12", "20000000", "9.13502E+17", "1,234.5", "１２，３４５．６", "", "达州市国康农牧\"川东\"有限公司",
        "911101066976941872", "0610", "2024年3月",
    ]
    static let lineEnds = ["\n", "\r\n", "\r"]

    /// A file's bytes: a header (sometimes with unknown, empty and repeated columns) and up to 40 rows.
    static func make(using generator: inout SeededGenerator) -> [UInt8] {
        var header = csv.header
        if Int.random(in: 0..<4, using: &generator) == 0 { header += ["备注", "", "备注"] }
        let width = header.count
        var text = record(header, quoted: true, using: &generator)
        for i in 0..<Int.random(in: 0...40, using: &generator) {
            var cells = csv.row(["credit_code": TestCodes.valid(i % 30)]) + Array(repeating: "", count: width - csv.header.count)
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let column = Int.random(in: 0..<cells.count, using: &generator)
                cells[column] = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: cells.removeLast()
            case 1: cells.append("extra")
            case 2:
                let column = Int.random(in: 0..<cells.count, using: &generator)
                cells[column] = "\"" + cells[column]  // a stray quote opening the cell
            default: break
            }
            text += record(cells, quoted: Int.random(in: 0..<4, using: &generator) > 0, using: &generator)
            if Int.random(in: 0..<8, using: &generator) == 0 {
                text += ["", "   ", "\t", String(repeating: ",", count: width - 1)].randomElement(using: &generator)!
                    + lineEnds.randomElement(using: &generator)!
            }
        }
        if Bool.random(using: &generator) { text.removeLast() }  // no line end after the last record
        return Array(text.utf8)
    }

    /// `cells` as a record: RFC 4180-quoted, or joined raw (stray quotes and breaks left as they are).
    static func record(_ cells: [String], quoted: Bool, using generator: inout SeededGenerator) -> String {
        (quoted ? cells.map(CSVEncoding.field) : cells).joined(separator: ",") + lineEnds.randomElement(using: &generator)!
    }

    /// Bytes that change a file's structure: commas, quotes, line ends, spaces, digits, an exponent.
    static let structuralBytes: [UInt8] = Array(",\"\r\n 9e".utf8)

    /// `bytes` with a few bytes overwritten or inserted at random: structural ones, or any
    /// byte at all (which the encodings must cope with) one time in four.
    static func damaged(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var copy = bytes
        for _ in 0..<Int.random(in: 1...6, using: &generator) where !copy.isEmpty {
            let at = Int.random(in: 0..<copy.count, using: &generator)
            let byte = Int.random(in: 0..<4, using: &generator) == 0
                ? UInt8.random(in: 0...255, using: &generator) : structuralBytes.randomElement(using: &generator)!
            if Bool.random(using: &generator) { copy[at] = byte } else { copy.insert(byte, at: at) }
        }
        return copy
    }

    /// The physical lines of `bytes` (ended by LF, CRLF or a lone CR), without their line ends.
    static func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                lines.append(bytes[start..<i])
                i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }
}
