import StatGuardCore
extension BarChart {
    static let band = 26.0
    static let barHeight = 16.0

    /// The chart as an SVG document: title, unit, one row per bar with its
    /// label on the left (cut with `…` past 180 px) and its value at the bar's
    /// end, vertical grid with nice ticks under the bars, then the note.
    /// Room for the value labels is kept on the side(s) bars grow towards, so a
    /// label never runs into the category labels or off the chart.
    public func svg() -> String {
        let width = self.width.isFinite ? min(max(self.width, 320), 4000) : 720
        let shown = Array(bars.prefix(max(maxBars, 1)))
        let values = shown.map { $0.value.flatMap { $0.isFinite ? $0 : nil } }
        let finite = values.compactMap { $0 }
        let scale = NiceScale(values: finite, includeZero: true, domain: domain, integral: integral)

        var canvas = SVGCanvas(width: width, height: 0)
        let plotTop = canvas.header(title: title, unit: unit, width: width) + 4
        let labels = shown.map { SVGText.truncated($0.label, toWidth: 180, fontSize: ChartStyle.labelSize) }
        let labelWidth = labels.map { SVGText.width($0, fontSize: ChartStyle.labelSize) }.max() ?? 0
        let labelRight = SVGCanvas.margin + labelWidth
        let valueTexts = values.map { v in
            v.map { ChartNumber.format($0, decimals: valueFormat.decimals, signed: valueFormat.signed) + valueFormat.suffix } ?? "—"
        }
        func textWidth(_ s: String) -> Double { SVGText.width(s, fontSize: ChartStyle.labelSize) + 6 }
        let padLeft = zip(values, valueTexts).filter { ($0.0 ?? 0) < 0 }.map { textWidth($0.1) }.max() ?? 0
        let padRight = zip(values, valueTexts).filter { ($0.0 ?? 0) >= 0 }.map { textWidth($0.1) }.max() ?? 0
        let plotLeft = labelRight + 10 + padLeft
        let plotRight = width - 20 - padRight
        let rows = max(shown.count, 2)
        let plotBottom = plotTop + Double(rows) * Self.band
        func x(_ v: Double) -> Double { scale.position(v, from: plotLeft, to: plotRight) }

        // Grid and value axis, tick labels thinned when they would touch.
        let ticks = scale.ticks
        let tickLabels = ticks.map { ChartNumber.format($0, decimals: scale.decimals) }
        let tickWidth = tickLabels.map { SVGText.width($0, fontSize: ChartStyle.labelSize) }.max() ?? 0
        let spacing = ticks.count > 1 ? (plotRight - plotLeft) / Double(ticks.count - 1) : plotRight - plotLeft
        let stride = max(1, ((tickWidth + 8) / max(spacing, 1)).rounded(.up).clampedInt ?? 1)
        for (i, (tick, label)) in zip(ticks, tickLabels).enumerated() {
            canvas.line(x1: x(tick), y1: plotTop, x2: x(tick), y2: plotBottom, stroke: ChartStyle.grid)
            if i % stride == 0 {
                canvas.text(label, x: x(tick), y: plotBottom + 16, anchor: .middle, fill: ChartStyle.muted)
            }
        }
        canvas.line(x1: x(0), y1: plotTop, x2: x(0), y2: plotBottom, stroke: ChartStyle.axis)

        if shown.isEmpty { canvas.noData(x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2 + 5) }
        for (i, label) in labels.enumerated() {
            let top = plotTop + Double(i) * Self.band
            let middle = top + Self.band / 2
            canvas.text(label, x: labelRight, y: middle + 4, anchor: .end)
            guard let v = values[i] else {
                canvas.text("—", x: x(0) + 4, y: middle + 4, fill: ChartStyle.muted)
                continue
            }
            let (x0, x1) = (x(0), x(v))
            canvas.rect(x: min(x0, x1), y: middle - Self.barHeight / 2, width: abs(x1 - x0), height: Self.barHeight,
                        fill: v < 0 ? ChartStyle.negative : ChartStyle.positive)
            if v < 0 {
                canvas.text(valueTexts[i], x: x1 - 4, y: middle + 4, anchor: .end)
            } else {
                canvas.text(valueTexts[i], x: x1 + 4, y: middle + 4)
            }
        }

        var note = self.note ?? ""
        if bars.count > shown.count {
            let omitted = "另有\(bars.count - shown.count)项未显示 (\(bars.count - shown.count) more not shown)"
            note = note.isEmpty ? omitted : omitted + "；" + note
        }
        let bottom = canvas.notes(note, y: plotBottom + 26, width: width)
        canvas.height = (bottom + 12).rounded(.up)
        return canvas.document(title: title)
    }
}
