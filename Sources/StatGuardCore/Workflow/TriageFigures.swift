/// How the statisticians' verification stands, as `quality.md` reports it beside the
/// checks: this period's cases by town, how much of last period's alerts was reviewed,
/// how fast, and each rule's precision as the statisticians judged it.
public struct TriageFigures: Sendable, Equatable {
    /// Cases of one town.
    public struct Town: Sendable, Equatable {
        public var code: String
        public var cases: Int
        public var openCases: Int

        public init(code: String, cases: Int, openCases: Int) {
            self.code = code
            self.cases = cases
            self.openCases = openCases
        }
    }

    /// A rule's decided keys: confirmed (or corrected) ÷ decided is its judged precision.
    public struct RulePrecision: Sendable, Equatable {
        public var ruleID: RuleID
        public var decided: Int
        public var trueAlerts: Int

        public init(ruleID: RuleID, decided: Int, trueAlerts: Int) {
            self.ruleID = ruleID
            self.decided = decided
            self.trueAlerts = trueAlerts
        }

        public var precision: Double { decided == 0 ? .nan : Double(trueAlerts) / Double(decided) }
    }

    /// This period's key occurrences, and those an earlier decision still settles.
    public var keys = 0
    public var carriedKeys = 0
    /// This period's cases by town, towns in code order.
    public var towns: [Town] = []
    /// The reporting period before, when it was loaded, with its keys and how many of them were reviewed (no longer open).
    public var lastPeriod: Period?
    public var lastPeriodKeys = 0
    public var lastPeriodReviewed = 0
    /// Median days from a period's load to the first decision on a key of it, over every decided key; nil before any.
    public var medianDaysToFirstDecision: Double?
    /// Per rule, over every decision in the audit log, rules in id order.
    public var precision: [RulePrecision] = []

    public init() {}

    public var cases: Int { towns.reduce(0) { $0 + $1.cases } }
    public var openCases: Int { towns.reduce(0) { $0 + $1.openCases } }
}
