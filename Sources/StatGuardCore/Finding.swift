/// One finding of a check: a row of `alerts.csv` (data contract 3.1).
///
/// Location and figures are kept as fields; sentences are composed by the
/// check that found it, in Chinese and English, stating the figures.
public struct Finding: Sendable, Equatable {
    /// What the finding is about.
    public enum Scope: String, Sendable, CaseIterable {
        case enterprise, region, industry, file
    }

    public var period: Period
    public var scope: Scope
    /// The enterprise, when scope is `enterprise`.
    public var creditCode: CreditCode?
    /// The enterprise name, or the region or industry name.
    public var name: String
    /// The enterprise's region, or the region the finding is about (12 digits, or a 6/9-digit prefix).
    public var regionCode: String
    /// The enterprise's industry, or the industry the finding is about.
    public var industryCode: String
    /// The check's stable identifier, e.g. `O01`.
    public var ruleID: String
    public var category: FindingCategory
    public var severity: Severity
    /// How much the finding matters: suspicion × weight in the area's totals (≥ 0).
    public var score: Double
    /// The field concerned, e.g. `gross_output`.
    public var indicator: String
    /// The value seen, as printed.
    public var observed: String
    /// The value or range expected, as printed.
    public var expected: String
    public var messageZh: String
    public var messageEn: String

    public init(
        period: Period, scope: Scope, creditCode: CreditCode?, name: String, regionCode: String,
        industryCode: String, ruleID: String, category: FindingCategory, severity: Severity, score: Double,
        indicator: String, observed: String, expected: String, messageZh: String, messageEn: String
    ) {
        self.period = period
        self.scope = scope
        self.creditCode = creditCode
        self.name = name
        self.regionCode = regionCode
        self.industryCode = industryCode
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.score = score
        self.indicator = indicator
        self.observed = observed
        self.expected = expected
        self.messageZh = messageZh
        self.messageEn = messageEn
    }
}
