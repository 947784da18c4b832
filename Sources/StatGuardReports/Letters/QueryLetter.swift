import StatGuardCore

/// A 统计数据查询单: the written query a bureau sends an enterprise about its open case,
/// naming each questioned figure, what it was compared with and why, and the reply deadline.
///
/// Built from the enterprise's findings of one period (what one phone call or one letter
/// settles); rendered as Markdown (``markdown``) and as a printable one-page HTML file (``html``).
public struct QueryLetter: Sendable, Equatable {
    /// One questioned figure.
    public struct Item: Sendable, Equatable {
        public var ruleID: RuleID
        /// The rule's Chinese title.
        public var title: String
        /// The field concerned, by its Chinese label when it is a contract field.
        public var indicator: String
        public var observed: String
        public var expected: String
        /// The catalog's sentence: why the figure is questioned.
        public var message: String
    }

    public var bureau: String
    public var periodLabel: String
    public var period: Period
    public var creditCode: String
    public var enterprise: String
    public var regionCode: String
    /// When the letter is dated and when the reply is due, as `YYYY-MM-DD`.
    public var date: String
    public var replyBy: String
    public var items: [Item]

    /// The letter's reference, `CX-2024-12-<credit code>`.
    public var reference: String { "CX-\(period)-\(creditCode)" }

    /// The letter about `findings` (one enterprise's, one period's), highest score first.
    public init(
        findings: [Finding], renderer: FindingRenderer, bureau: String, periodLabel: String, date: String, replyBy: String
    ) {
        let ranked = AlertsCSV.ranked(findings)
        let first = ranked.first
        self.bureau = bureau
        self.periodLabel = periodLabel
        period = first?.period ?? Period(year: 1970, month: 1)
        creditCode = first?.creditCode?.description ?? ""
        enterprise = first?.name ?? ""
        regionCode = first?.regionCode ?? ""
        self.date = date
        self.replyBy = replyBy
        items = ranked.map { f in
            Item(
                ruleID: f.ruleID, title: renderer.title(f.ruleID, .zh), indicator: FieldLabels.label(f.indicator, .zh),
                observed: renderer.observed(f), expected: renderer.expected(f), message: renderer.message(f, .zh))
        }
    }

    /// One letter per enterprise with enterprise findings (warning or error), highest total score first.
    public static func letters(
        _ findings: [Finding], renderer: FindingRenderer, bureau: String, periodLabel: String, date: String, replyBy: String,
        top: Int
    ) -> [QueryLetter] {
        let open = findings.filter { $0.scope == .enterprise && $0.creditCode != nil && $0.severity != .info }
        let byEnterprise = Dictionary(grouping: open) { $0.creditCode! }
        let ranked = byEnterprise.sorted { a, b in
            let (sa, sb) = (a.value.reduce(0) { $0 + $1.score }, b.value.reduce(0) { $0 + $1.score })
            return sa != sb ? sa > sb : a.key < b.key
        }
        return ranked.prefix(top).map {
            QueryLetter(findings: $0.value, renderer: renderer, bureau: bureau, periodLabel: periodLabel, date: date, replyBy: replyBy)
        }
    }
}
