#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a fixture's text is encoded on disk (data contract section 1).
public enum FixtureEncoding: Sendable, CaseIterable {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 with the byte-order mark `EF BB BF` (Excel's "CSV UTF-8").
    case utf8WithBOM
    /// GB18030, what Excel in China writes by default.
    case gb18030
}

/// The line end a fixture's records are written with.
public enum LineEnding: Sendable, CaseIterable {
    case lf
    case crlf
}

/// Turns fixture text into the bytes a bureau's file would hold.
public enum FixtureBytes {
    /// The UTF-8 byte-order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `text` (with `\n` line ends) in `encoding`, with `lineEnding`.
    public static func encode(_ text: String, encoding: FixtureEncoding, lineEnding: LineEnding = .lf) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x0A && lineEnding == .crlf { utf8.append(0x0D) }
            utf8.append(byte)
        }
        switch encoding {
        case .utf8: return utf8
        case .utf8WithBOM: return byteOrderMark + utf8
        case .gb18030: return gb18030(utf8)
        }
    }

    /// Converts UTF-8 bytes to GB18030 with the C library's `iconv`.
    public static func gb18030(_ text: String) -> [UInt8] {
        gb18030(Array(text.utf8))
    }

    /// Converts UTF-8 bytes to GB18030 with the C library's `iconv`.
    public static func gb18030(_ utf8: [UInt8]) -> [UInt8] {
        let descriptor = iconv_open("GB18030", "UTF-8")
        precondition(descriptor != iconv_t(bitPattern: -1), "iconv has no GB18030 converter")
        defer { iconv_close(descriptor) }
        var input = utf8.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: 4 * utf8.count + 4)
        var inLeft = input.count
        var outLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                return iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        precondition(result != -1 && inLeft == 0, "text could not be converted to GB18030")
        return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
    }
}
