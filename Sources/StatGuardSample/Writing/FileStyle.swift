/// How one file is encoded: character set, byte-order mark, line ends, header language.
struct FileStyle: Sendable, Equatable {
    enum Charset: Sendable, Equatable { case utf8, gb18030 }

    var charset: Charset = .utf8
    var byteOrderMark = false
    var crlf = false
    /// English field names instead of the canonical Chinese headers (UTF-8 files only).
    var englishHeader = false

    static let plain = FileStyle()

    /// The style of `fileName` under `--encodings mixed`: a stable draw from the seed and the name.
    ///
    /// Mix: 25% UTF-8 plain, 20% UTF-8 with BOM, 15% UTF-8 with BOM and CRLF, 5% UTF-8 with CRLF,
    /// 25% GB18030 with CRLF (Excel in China), 10% GB18030 with LF; 30% of UTF-8 files use
    /// English headers. The register is GB18030 with CRLF, as exported from the 名录库 system.
    static func mixed(fileName: String, seed: UInt64) -> FileStyle {
        if fileName == "register.csv" { return FileStyle(charset: .gb18030, crlf: true) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in fileName.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var random = SeededRandom(seed: seed, stream: .styles, Int(truncatingIfNeeded: hash))
        var style: FileStyle
        switch random.pick(weights: [25, 20, 15, 5, 25, 10]) {
        case 0: style = FileStyle()
        case 1: style = FileStyle(byteOrderMark: true)
        case 2: style = FileStyle(byteOrderMark: true, crlf: true)
        case 3: style = FileStyle(crlf: true)
        case 4: style = FileStyle(charset: .gb18030, crlf: true)
        default: style = FileStyle(charset: .gb18030)
        }
        if style.charset == .utf8 && random.chance(0.3) { style.englishHeader = true }
        return style
    }
}
