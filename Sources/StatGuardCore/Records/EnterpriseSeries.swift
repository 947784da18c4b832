/// One enterprise's stored figures and findings, for a statistician checking an alert.
public struct EnterpriseSeries: Sendable {
    /// One period's report: the identifying text and every numeric field by contract name.
    public struct ReportRow: Sendable {
        public var period: Period
        public var name: String
        public var regionCode: String
        public var industryCode: String
        public var figures: [(field: String, value: Double)]

        public init(period: Period, name: String, regionCode: String, industryCode: String, figures: [(field: String, value: Double)]) {
            self.period = period
            self.name = name
            self.regionCode = regionCode
            self.industryCode = industryCode
            self.figures = figures
        }
    }

    /// One period's admin data.
    public struct AdminRow: Sendable {
        public var period: Period
        public var gridElectricity: Double
        public var invoicedSales: Double

        public init(period: Period, gridElectricity: Double, invoicedSales: Double) {
            self.period = period
            self.gridElectricity = gridElectricity
            self.invoicedSales = invoicedSales
        }
    }

    public var creditCode: CreditCode
    public var reports: [ReportRow] = []
    public var admin: [AdminRow] = []
    public var findings: [Finding] = []

    public init(creditCode: CreditCode) {
        self.creditCode = creditCode
    }
}
