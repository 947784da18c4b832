/// A horizontal bar chart: one labelled bar per item, negative values to the
/// left of the zero line, e.g. 拉动 by county in percentage points or 报送率 by town.
///
/// Bars keep the given order (sort before). A nil, NaN or infinite value shows
/// as `—` with no bar. Past ``maxBars`` the rest are left out and the note says how many.
public struct BarChart: SVGChart, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double?

        public init(label: String, value: Double?) {
            self.label = label
            self.value = value
        }
    }

    /// How the value at the end of each bar is printed.
    public struct ValueFormat: Sendable, Equatable {
        public var decimals: Int
        /// A `+` before positive values (contributions, growth).
        public var signed: Bool
        /// Appended to each value, e.g. `%`.
        public var suffix: String

        public init(decimals: Int, signed: Bool = false, suffix: String = "") {
            self.decimals = decimals
            self.signed = signed
            self.suffix = suffix
        }

        /// `+1.2`, for percentage points.
        public static let points = ValueFormat(decimals: 1, signed: true)
        /// `98.5%`, for rates already multiplied by 100.
        public static let percent = ValueFormat(decimals: 1, suffix: "%")
        /// `12`, for counts.
        public static let count = ValueFormat(decimals: 0)
    }

    public var title: String
    /// The unit of the values, shown as `单位：…` above the chart (e.g. `百分点`, `%`, `条`).
    public var unit: String
    public var bars: [Bar]
    /// A range the value axis always covers, e.g. `0...100` for a rate; zero is always on the axis.
    public var domain: ClosedRange<Double>?
    /// Whether axis ticks are whole numbers (counts).
    public var integral: Bool
    public var valueFormat: ValueFormat
    public var note: String?
    public var maxBars: Int
    public var width: Double

    public init(
        title: String, unit: String, bars: [Bar], domain: ClosedRange<Double>? = nil, integral: Bool = false,
        valueFormat: ValueFormat = ValueFormat(decimals: 1), note: String? = nil, maxBars: Int = 40, width: Double = 720
    ) {
        self.title = title
        self.unit = unit
        self.bars = bars
        self.domain = domain
        self.integral = integral
        self.valueFormat = valueFormat
        self.note = note
        self.maxBars = maxBars
        self.width = width
    }
}
