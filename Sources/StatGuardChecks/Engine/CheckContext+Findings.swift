import StatGuardCore

/// What a check says about one unit it failed, before its location is filled in:
/// the field concerned, which of the rule's messages applies, and that message's slot values.
public struct FindingFacts: Sendable {
    public var indicator: String
    public var variant: String
    public var slots: FindingSlots

    public init(indicator: String, variant: String = "", _ slots: FindingSlots) {
        self.indicator = indicator
        self.variant = variant
        self.slots = slots
    }
}

extension CheckContext {
    /// A finding about the enterprise of report row `row`.
    public func finding(
        reportRow row: Int, _ entry: RuleEntry, _ settings: CheckSettings, score: Double, _ facts: FindingFacts
    ) -> Finding {
        Finding(
            period: period, scope: .enterprise, creditCode: reports.creditCodes[row],
            name: reports[text: ReportField.name][row], regionCode: reports.regionCodes[row].description,
            industryCode: reports.industryCodes[row].description, ruleID: entry.ruleID, variant: facts.variant,
            category: entry.category, severity: settings.severity ?? entry.defaultSeverity, score: score,
            indicator: facts.indicator, slots: facts.slots)
    }

    /// A finding about an enterprise known from a row of `table` (the register or admin data).
    public func finding(
        row: Int, of table: ColumnTable, _ entry: RuleEntry, _ settings: CheckSettings, score: Double, _ facts: FindingFacts
    ) -> Finding {
        Finding(
            period: period, scope: .enterprise, creditCode: table.creditCodes[row], name: Self.name(row: row, of: table),
            regionCode: table.regionCodes[row].description, industryCode: table.industryCodes[row].description,
            ruleID: entry.ruleID, variant: facts.variant, category: entry.category,
            severity: settings.severity ?? entry.defaultSeverity, score: score, indicator: facts.indicator, slots: facts.slots)
    }

    /// A finding about a region (a county or town code prefix).
    public func finding(
        region: String, name: String, _ entry: RuleEntry, _ settings: CheckSettings, score: Double, _ facts: FindingFacts
    ) -> Finding {
        Finding(
            period: period, scope: .region, creditCode: nil, name: name, regionCode: region, industryCode: "",
            ruleID: entry.ruleID, variant: facts.variant, category: entry.category,
            severity: settings.severity ?? entry.defaultSeverity, score: score, indicator: facts.indicator, slots: facts.slots)
    }

    /// The enterprise name of a register, admin or reports row.
    static func name(row: Int, of table: ColumnTable) -> String {
        switch table.kind {
        case .register: table[text: RegisterField.name][row]
        case .admin: table[text: AdminField.name][row]
        case .reports: table[text: ReportField.name][row]
        case .products, .capacity: ""
        }
    }
}
