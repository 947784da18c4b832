import StatGuardCore
extension LineChart {
    /// The chart as an SVG document: title, unit, horizontal grid with nice
    /// ticks, one polyline with dots per series, category labels thinned out
    /// when they would overlap (the last is always shown), a legend when there
    /// is more than one series, then the note.
    public func svg() -> String {
        let width = self.width.isFinite ? min(max(self.width, 320), 4000) : 720
        let plotHeight = self.plotHeight.isFinite ? min(max(self.plotHeight, 120), 2000) : 250
        let count = max(categories.count, series.map(\.values.count).max() ?? 0)
        let values: [[Double?]] = series.map { s in
            (0..<count).map { i in i < s.values.count ? s.values[i].flatMap { $0.isFinite ? $0 : nil } : nil }
        }
        let finite = values.flatMap { $0.compactMap { $0 } }
        let scale = NiceScale(values: finite, includeZero: includesZero)

        var canvas = SVGCanvas(width: width, height: 0)
        let plotTop = canvas.header(title: title, unit: unit, width: width) + 8
        let plotBottom = plotTop + plotHeight
        let tickLabels = scale.ticks.map { ChartNumber.format($0, decimals: scale.decimals) }
        let tickWidth = tickLabels.map { SVGText.width($0, fontSize: ChartStyle.labelSize) }.max() ?? 0
        let plotLeft = SVGCanvas.margin + tickWidth + 8
        let plotRight = width - 20
        func y(_ v: Double) -> Double { scale.position(v, from: plotBottom, to: plotTop) }

        // Grid and value axis.
        for (tick, label) in zip(scale.ticks, tickLabels) {
            let ty = y(tick)
            canvas.line(x1: plotLeft, y1: ty, x2: plotRight, y2: ty, stroke: tick == 0 ? ChartStyle.axis : ChartStyle.grid)
            canvas.text(label, x: plotLeft - 6, y: ty + 4, anchor: .end, fill: ChartStyle.muted)
        }
        canvas.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartStyle.axis)

        // Categories: one band each, labels thinned so they never overlap.
        let band = (plotRight - plotLeft) / Double(max(count, 1))
        func x(_ i: Int) -> Double { plotLeft + (Double(i) + 0.5) * band }
        let labels = (0..<count).map { i in
            i < categories.count ? SVGText.truncated(categories[i], toWidth: 120, fontSize: ChartStyle.labelSize) : ""
        }
        let labelWidth = labels.map { SVGText.width($0, fontSize: ChartStyle.labelSize) }.max() ?? 0
        let stride = max(1, ((labelWidth + 10) / max(band, 1)).rounded(.up).clampedInt ?? 1)
        for i in 0..<count {
            canvas.line(x1: x(i), y1: plotBottom, x2: x(i), y2: plotBottom + 4, stroke: ChartStyle.axis)
            if (count - 1 - i) % stride == 0 {
                canvas.text(labels[i], x: x(i), y: plotBottom + 18, anchor: .middle, fill: ChartStyle.muted)
            }
        }

        // Series: emphasised ones last, so they are drawn on top.
        if finite.isEmpty {
            canvas.noData(x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2)
        }
        let order = series.indices.filter { !series[$0].emphasised } + series.indices.filter { series[$0].emphasised }
        for index in order {
            let look = Self.look(index, emphasised: series[index].emphasised)
            var run: [(x: Double, y: Double)] = []
            for i in 0..<count {
                if let v = values[index][i] {
                    run.append((x(i), y(v)))
                } else {
                    canvas.polyline(run, stroke: look.color, width: look.stroke, dash: look.dash)
                    run = []
                }
            }
            canvas.polyline(run, stroke: look.color, width: look.stroke, dash: look.dash)
            for i in 0..<count {
                if let v = values[index][i] { canvas.circle(x: x(i), y: y(v), radius: look.stroke + 0.8, fill: look.color) }
            }
        }

        var bottom = plotBottom + 24
        if series.count > 1 { bottom = legend(&canvas, top: bottom + 16, left: plotLeft, right: plotRight) }
        bottom = canvas.notes(note, y: bottom + 6, width: width)
        canvas.height = (bottom + 12).rounded(.up)
        return canvas.document(title: title)
    }

    /// The legend in rows from `top`, each item a short line in the series' look and its name; returns the y below it.
    private func legend(_ canvas: inout SVGCanvas, top: Double, left: Double, right: Double) -> Double {
        var cx = left, row = top
        for (index, s) in series.enumerated() {
            let look = Self.look(index, emphasised: s.emphasised)
            let name = SVGText.truncated(s.name, toWidth: 160, fontSize: ChartStyle.labelSize)
            let itemWidth = 26 + SVGText.width(name, fontSize: ChartStyle.labelSize) + 16
            if cx + itemWidth > right, cx > left {
                cx = left
                row += 20
            }
            canvas.line(x1: cx, y1: row, x2: cx + 20, y2: row, stroke: look.color, width: look.stroke, dash: look.dash)
            canvas.text(name, x: cx + 26, y: row + 4)
            cx += itemWidth
        }
        return row + 8
    }

    /// Colour, stroke width and dash of series `index`.
    static func look(_ index: Int, emphasised: Bool) -> (color: String, stroke: Double, dash: String) {
        let palette = ChartStyle.palette
        let dash = ChartStyle.dashes[(index / palette.count) % ChartStyle.dashes.count]
        return (palette[index % palette.count], emphasised ? 3 : 1.8, dash)
    }
}
