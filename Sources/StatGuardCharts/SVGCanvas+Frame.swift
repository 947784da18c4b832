/// The parts every chart has around its plot: title, unit, notes.
extension SVGCanvas {
    static let margin = 16.0

    /// Title and unit lines at the top of a chart `width` wide; returns where the plot may start.
    mutating func header(title: String, unit: String, width: Double) -> Double {
        let room = width - 2 * Self.margin
        text(SVGText.truncated(title, toWidth: room, fontSize: ChartStyle.titleSize), x: Self.margin, y: 26,
             size: ChartStyle.titleSize, bold: true)
        guard !unit.isEmpty else { return 44 }
        text(SVGText.truncated("单位：" + unit, toWidth: room, fontSize: ChartStyle.labelSize), x: Self.margin, y: 48,
             fill: ChartStyle.muted)
        return 62
    }

    /// `note` wrapped to the chart's width (three lines at most) from baseline `y`; returns the y below it.
    mutating func notes(_ note: String?, y: Double, width: Double) -> Double {
        guard let note, !note.isEmpty else { return y }
        var baseline = y + ChartStyle.noteSize
        for line in SVGText.wrapped(note, toWidth: width - 2 * Self.margin, fontSize: ChartStyle.noteSize, maxLines: 3) {
            text(line, x: Self.margin, y: baseline, size: ChartStyle.noteSize, fill: ChartStyle.muted)
            baseline += ChartStyle.noteSize + 5
        }
        return baseline - ChartStyle.noteSize
    }

    /// The message shown in an empty plot.
    mutating func noData(x: Double, y: Double) {
        rect(x: x - 70, y: y - 18, width: 140, height: 26, fill: "#ffffff")
        text("暂无数据 No data", x: x, y: y, size: 14, anchor: .middle, fill: ChartStyle.muted)
    }
}

extension SVGText {
    /// `text` broken into lines of at most `maxWidth` pixels (at any character:
    /// Chinese has no spaces), the last of `maxLines` ending in `…` when cut.
    static func wrapped(_ text: String, toWidth maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var used = 0.0
        for character in text {
            if character.isNewline {
                lines.append(current)
                (current, used) = ("", 0)
                continue
            }
            let w = width(String(character), fontSize: fontSize)
            if used + w > maxWidth, !current.isEmpty {
                lines.append(current)
                (current, used) = ("", 0)
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = truncated(kept[maxLines - 1] + lines[maxLines], toWidth: maxWidth, fontSize: fontSize)
        return kept
    }
}
