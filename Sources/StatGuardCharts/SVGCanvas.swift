/// Writes the elements of one SVG document. Every string from outside goes
/// through ``SVGText/escape(_:)`` here and nowhere else; colours and dash
/// patterns are the chart's own constants; numbers go through ``ChartNumber``.
struct SVGCanvas {
    enum Anchor: String { case start, middle, end }

    let width: Double
    /// Set once the layout is done.
    var height: Double
    private var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private static func n(_ value: Double) -> String { ChartNumber.coordinate(value) }

    mutating func text(
        _ content: String, x: Double, y: Double, size: Double = ChartStyle.labelSize, anchor: Anchor = .start,
        bold: Bool = false, fill: String = ChartStyle.text
    ) {
        body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { body += " font-weight=\"bold\"" }
        body += " fill=\"\(fill)\">\(SVGText.escape(content))</text>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String = "") {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\""
        body += " stroke-width=\"\(Self.n(width))\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(width, 0)))\" height=\"\(Self.n(max(height, 0)))\""
        body += " fill=\"\(fill)\"\(stroke.map { " stroke=\"\($0)\"" } ?? "")/>\n"
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double, dash: String = "") {
        guard points.count > 1 else { return }
        let coordinates = points.map { "\(Self.n($0.x)),\(Self.n($0.y))" }.joined(separator: " ")
        body += "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        body += " stroke-linejoin=\"round\" stroke-linecap=\"round\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        body += "<circle cx=\"\(Self.n(x))\" cy=\"\(Self.n(y))\" r=\"\(Self.n(radius))\" fill=\"\(fill)\"/>\n"
    }

    /// The whole document: root element with size and fonts, a `<title>` for screen readers, a white ground, the body.
    func document(title: String) -> String {
        let w = Self.n(width), h = Self.n(height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        svg += " role=\"img\" font-family=\"\(ChartStyle.fontFamily)\" font-size=\"\(Self.n(ChartStyle.labelSize))\">\n"
        svg += "<title>\(SVGText.escape(title))</title>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        return svg + body + "</svg>\n"
    }
}
