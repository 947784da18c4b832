import StatGuardCore

/// Text from input made inert where a digest shows it.
///
/// Enterprise and town names, rule titles and messages come from the bureau's files and
/// may hold anything, `<script>`, `**`, `[link](…)` and line breaks included. Every such
/// value goes through one of these functions at the one place a renderer writes it.
enum InertText {
    /// `text` for the chat services' Markdown dialects (WeCom, DingTalk, Feishu `lark_md`).
    ///
    /// Those dialects differ and none documents backslash escapes, so a backslash could show
    /// as itself. Instead each character that could open markup is replaced by its full-width
    /// form, which reads the same beside Chinese text and opens nothing: `* _ [ ] ` ~ | # < > \`
    /// become `＊ ＿ ［ ］ ｀ ～ ｜ ＃ ＜ ＞ ＼`. `<` matters most: WeCom's `<font>`, `<@userid>` and
    /// Feishu's `<at id=all>` are tags. Line breaks and other control characters become spaces,
    /// so a value cannot start a heading, a list item or a forged line of its own.
    static func chatMarkdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "*": out += "＊"
            case "_": out += "＿"
            case "[": out += "［"
            case "]": out += "］"
            case "`": out += "｀"
            case "~": out += "～"
            case "|": out += "｜"
            case "#": out += "＃"
            case "<": out += "＜"
            case ">": out += "＞"
            case "\\": out += "＼"
            default:
                if isControl(scalar) { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `text` for HTML: `& < > " '` as entities, control characters as spaces.
    static func html(_ text: String) -> String { HTMLText.escape(plain(text)) }

    /// `text` on one line for plain text (mail's text part, the dry run): control characters as spaces.
    static func plain(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += " " } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// A link target for Markdown `[text](url)` or an HTML attribute: only `http(s)://` addresses
    /// pass, with characters that could close the link or the attribute percent-encoded; nil otherwise.
    static func link(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\"": out += "%22"
            case "'": out += "%27"
            case "[": out += "%5B"
            case "]": out += "%5D"
            case "`": out += "%60"
            case "|": out += "%7C"
            case "\\": out += "%5C"
            default:
                if isControl(scalar) { return nil }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
