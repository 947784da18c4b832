import StatGuardCore
import StatGuardCharts

/// A chart written as its own `.svg` file beside the Markdown report that shows it.
public struct ChartFile: Sendable, Equatable {
    /// The file name, flat (no folder), e.g. `summary-output.svg`.
    public var name: String
    /// The chart's title, used as the image's alternative text.
    public var title: String
    public var bytes: [UInt8]

    public init(name: String, chart: some SVGChart, title: String) {
        self.name = name
        self.title = title
        bytes = chart.svgBytes
    }

    /// Markdown that shows each chart (`![title](name)`), one paragraph per chart, alt text escaped.
    public static func markdown(_ files: [ChartFile]) -> String {
        files.map { "![\(MarkdownText.escape($0.title))](\($0.name))\n\n" }.joined()
    }
}
