import StatGuardCore

/// Text written into an SVG document, made inert and measured.
///
/// Labels come from input (enterprise, region and park names), so every string
/// goes through ``escape(_:)`` at the one place the chart writer emits text or
/// an attribute: it cannot open an element, close an attribute or start an entity.
public enum SVGText {
    /// `text` on one line with XML's five special characters as entities
    /// (`&amp; &lt; &gt; &quot; &apos;`) and characters XML 1.0 does not allow
    /// (controls, U+FFFE, U+FFFF) or that break a line (U+2028, U+2029) as spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || v == 0xFFFE || v == 0xFFFF || v == 0x2028 || v == 0x2029 {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Estimated width of `text` in pixels at `fontSize`: a wide (CJK) character
    /// is one em, a narrow one 0.6 em (a little more than the sans-serif fonts
    /// listed in ``ChartStyle/fontFamily`` use, so labels are never clipped).
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 { continue }
            ems += DisplayWidth.isWide(scalar) ? 1.0 : 0.6
        }
        return ems * fontSize
    }

    /// `text` cut to fit `maxWidth` pixels, ending in `…` when cut.
    static func truncated(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let ellipsis = width("…", fontSize: fontSize)
        var out = ""
        var used = 0.0
        for character in text {
            let w = width(String(character), fontSize: fontSize)
            if used + w + ellipsis > maxWidth { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
