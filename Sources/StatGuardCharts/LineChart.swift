/// A line chart of one or more series over the same categories (usually periods),
/// such as 13 months of gross output of the area and of each county.
///
/// A value that is nil, NaN or infinite is missing: the line breaks there.
/// Series longer than the categories are cut, shorter ones padded with missing
/// values. A series with a single value shows as a dot.
public struct LineChart: SVGChart, Equatable {
    /// One line: a name for the legend and one value per category.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double?]
        /// Drawn thicker and on top (e.g. the area's line among the counties').
        public var emphasised: Bool

        public init(name: String, values: [Double?], emphasised: Bool = false) {
            self.name = name
            self.values = values
            self.emphasised = emphasised
        }
    }

    public var title: String
    /// The unit of the values, shown as `单位：…` above the axis (e.g. `万元`, `%`).
    public var unit: String
    /// The x-axis labels, e.g. `23年12月`.
    public var categories: [String]
    public var series: [Series]
    /// Whether the value axis reaches zero (levels: yes; growth rates: they get a zero line when they cross it).
    public var includesZero: Bool
    /// A footnote under the chart (source, basis, omissions), wrapped to the chart's width.
    public var note: String?
    /// Width of the whole chart and height of the plot area, in pixels.
    public var width: Double
    public var plotHeight: Double

    public init(
        title: String, unit: String, categories: [String], series: [Series], includesZero: Bool = false,
        note: String? = nil, width: Double = 720, plotHeight: Double = 250
    ) {
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
        self.includesZero = includesZero
        self.note = note
        self.width = width
        self.plotHeight = plotHeight
    }
}
