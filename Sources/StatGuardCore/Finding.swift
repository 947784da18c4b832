/// One finding of a check: a row of `alerts.csv` (data contract 3.1).
///
/// A finding holds where it is (period, enterprise or region), which rule and
/// message variant found it, and the values of that message's slots as numbers
/// and codes. It holds no sentence: renderers write the catalog's templates
/// (``RuleEntry/messages``) with these slots, in the language they need, when
/// they write a report, a page or a digest; the store keeps the slots, so every
/// renderer writes the sentence the run wrote.
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
    public var ruleID: RuleID
    /// Which of the rule's messages applies (`""`: the main one).
    public var variant: String
    public var category: FindingCategory
    public var severity: Severity
    /// How much the finding matters: suspicion × weight in the area's totals (≥ 0).
    public var score: Double
    /// The field concerned, e.g. `gross_output`.
    public var indicator: String
    /// The values of the message's slots.
    public var slots: FindingSlots

    public init(
        period: Period, scope: Scope, creditCode: CreditCode?, name: String, regionCode: String, industryCode: String,
        ruleID: RuleID, variant: String = "", category: FindingCategory, severity: Severity, score: Double,
        indicator: String, slots: FindingSlots
    ) {
        self.period = period
        self.scope = scope
        self.creditCode = creditCode
        self.name = name
        self.regionCode = regionCode
        self.industryCode = industryCode
        self.ruleID = ruleID
        self.variant = variant
        self.category = category
        self.severity = severity
        self.score = score
        self.indicator = indicator
        self.slots = slots
    }
}
