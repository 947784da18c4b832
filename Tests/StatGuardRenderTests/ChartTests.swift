import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import StatGuardCharts
import StatGuardTestSupport
import Testing

@Suite struct ChartGoldenTests {
    @Test("chart matches its golden file and is well-formed XML", arguments: ChartSamples.names)
    func golden(_ name: String) throws {
        let svg = ChartSamples.chart(name).svg()
        Golden.check(svg, "chart-\(name).svg")
        let parsed = try #require(SVGReader.parse(svg), "not well-formed XML")
        #expect(parsed.root == "svg")
    }

    @Test func sameInputSameBytes() {
        for name in ChartSamples.names {
            #expect(ChartSamples.chart(name).svgBytes == ChartSamples.chart(name).svgBytes, "\(name)")
        }
    }

    @Test func chineseFontsAreListed() {
        let svg = ChartSamples.chart("bar-rate").svg()
        #expect(svg.contains("font-family=\"'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif\""))
    }
}

@Suite struct ChartEscapingTests {
    /// Names from input (`<script>`, `&`, quotes) stay text: no element but the chart's own, and the title reads back as given.
    @Test func labelsTitlesUnitsAndNotesStayText() throws {
        let hostile = RenderFixtures.scriptName
        let chart = BarChart(title: hostile, unit: hostile, bars: [.init(label: hostile, value: 1)], note: hostile)
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;甲&quot; &apos;乙&apos;"))
        let parsed = try #require(SVGReader.parse(svg))
        #expect(parsed.elements.isSubset(of: ["svg", "title", "rect", "text", "line", "polyline", "circle"]))
        #expect(parsed.title == hostile)
        let line = LineChart(title: "t", unit: "u", categories: [hostile], series: [.init(name: hostile, values: [1]), .init(name: "&", values: [2])])
        let lineParsed = try #require(SVGReader.parse(line.svg()))
        #expect(lineParsed.elements.isSubset(of: ["svg", "title", "rect", "text", "line", "polyline", "circle"]))
    }

    @Test("escape", arguments: [
        ("a&b", "a&amp;b"), ("<x>", "&lt;x&gt;"), ("\"'", "&quot;&apos;"), ("北京\n焦化", "北京 焦化"), ("\u{0}\u{FFFE}", "  "),
    ])
    func escape(_ text: String, _ escaped: String) {
        #expect(SVGText.escape(text) == escaped)
    }
}

@Suite struct ChartRobustnessTests {
    static let odd: [Double?] = [nil, .nan, .infinity, -.infinity, 0, -0.0, 1e-300, Double.leastNonzeroMagnitude, 1e15, 1e18, -1e18, 1e300,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 3.5, -2, 100]

    /// Random mixes of missing, tiny, huge and non-finite values never trap and always give well-formed SVG without `nan`.
    @Test func oddValuesNeverTrap() throws {
        var rng = SeededGenerator(seed: 18)
        for round in 0..<150 {
            let count = Int.random(in: 0...14, using: &rng)
            let values = (0..<count).map { _ in Self.odd.randomElement(using: &rng)! }
            let line = LineChart(title: "r\(round)", unit: "u", categories: (0..<Int.random(in: 0...14, using: &rng)).map { "c\($0)" },
                                 series: [.init(name: "a", values: values), .init(name: "b", values: values.reversed())],
                                 includesZero: round % 2 == 0)
            let bar = BarChart(title: "r\(round)", unit: "u", bars: values.enumerated().map { .init(label: "b\($0.offset)", value: $0.element) },
                               domain: round % 3 == 0 ? 0...100 : nil, integral: round % 4 == 0)
            for svg in [line.svg(), bar.svg()] {
                #expect(SVGReader.parse(svg) != nil, "round \(round)")
                #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"), "round \(round)")
            }
        }
    }

    @Test("nice scale", arguments: [
        ([0, 108_636.0], true, 0.0, 120_000.0, 20_000.0, 0), ([-1.96, 2.31], true, -2, 3, 1, 0), ([3.5, 3.5], false, 3.0, 4.0, 0.2, 1),
        ([], false, 0, 1, 0.2, 1), ([0.013, 0.0171], false, 0.013, 0.018, 0.001, 3), ([66.7, 100], true, 0, 100, 20, 0),
        ([1e300, -1e300], false, -1e300, 1e300, 5e299, 0),
    ] as [([Double], Bool, Double, Double, Double, Int)])
    func niceScale(_ values: [Double], _ includeZero: Bool, _ lower: Double, _ upper: Double, _ step: Double, _ decimals: Int) {
        let scale = NiceScale(values: values, includeZero: includeZero)
        #expect(abs(scale.lower - lower) <= abs(step) * 1e-9 && abs(scale.upper - upper) <= abs(step) * 1e-9, "\(scale)")
        #expect(abs(scale.step - step) <= step * 1e-9 && scale.decimals == decimals, "\(scale)")
        #expect(scale.ticks.count <= 8)
    }

    @Test("number format", arguments: [
        (1_234_567.891, 1, false, "1,234,567.9"), (-0.04, 1, false, "0.0"), (0.05, 1, false, "0.1"), (1.25, 1, true, "+1.3"),
        (-1.25, 1, true, "-1.3"), (0, 0, true, "0"), (1e18, 1, false, "1.0e18"), (-2.5e300, 0, false, "-2.5e300"),
        (Double.nan, 1, false, "—"), (1e15, 0, false, "1.0e15"), (999_999_999_999_999, 0, false, "999,999,999,999,999"), (98.5, 1, false, "98.5"),
    ])
    func numberFormat(_ value: Double, _ decimals: Int, _ signed: Bool, _ text: String) {
        #expect(ChartNumber.format(value, decimals: decimals, signed: signed) == text)
    }
}

/// Reads an SVG document back with Foundation's XML parser: element names, `<title>` text.
final class SVGReader: NSObject, XMLParserDelegate {
    var root: String?
    var elements: Set<String> = []
    var title = ""
    private var inTitle = false

    static func parse(_ svg: String) -> SVGReader? {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        elements.insert(name)
        inTitle = name == "title"
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        inTitle = false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
    }
}
