/// The look every chart shares: fonts that have Chinese glyphs on Linux, Windows
/// and macOS, a palette that stays apart in print, and the sizes of the frame.
public enum ChartStyle {
    /// CJK-capable families first; the viewer takes the first it has.
    public static let fontFamily = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

    /// Series colours, in order (colour-blind-safe Tableau 10, reordered so the first two contrast).
    public static let palette = [
        "#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac",
    ]
    /// Dash patterns for series past the palette's length (series 11-20 dashed, 21-30 dotted, …).
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    static let titleSize = 16.0
    static let labelSize = 12.0
    static let noteSize = 11.0
    static let text = "#333333"
    static let muted = "#666666"
    static let grid = "#e3e3e3"
    static let axis = "#999999"
    static let positive = "#4e79a7"
    static let negative = "#e15759"
}

/// A chart that renders to a standalone SVG document.
public protocol SVGChart: Sendable {
    /// The chart as an SVG 1.1 document: UTF-8, no script, no external reference, same input → same bytes.
    func svg() -> String
}

extension SVGChart {
    /// ``svg()`` as UTF-8 bytes, for writing a file.
    public var svgBytes: [UInt8] { Array(svg().utf8) }
}
