import StatGuardCore

/// Text that came from input, made inert where the Markdown reports show it.
///
/// Names, parks, header notices, messages and rule ids may hold anything a
/// bureau's files hold, `<script>` and line breaks included. Every such string
/// goes through ``escape(_:)`` before it is written into a Markdown report, so
/// it shows as the text it is: it cannot open HTML, a link, a heading or a new
/// table row.
public enum MarkdownText {
    /// `text` on one line with HTML's `& < >` as entities and Markdown's
    /// structural characters (`\ ` * [ ] |`, a leading `#`) backslash-escaped.
    /// Line breaks and other control characters become spaces.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsWork) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "[", "]", "|": out += "\\" + String(scalar)
            case "#" where out.isEmpty: out += "\\#"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "`"),
             UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "#"), 0x7F:
            return true
        case 0xE2:  // the lead byte of U+2028 and U+2029
            return true
        default:
            return byte < 0x20
        }
    }
}
