import StatGuardCore
import StatGuardIngest

/// The texts and figures of a finding, before its location is filled in.
public struct FindingText: Sendable {
    public var indicator: String
    public var observed: String
    public var expected: String
    public var zh: String
    public var en: String

    public init(indicator: String, observed: String, expected: String, zh: String, en: String) {
        self.indicator = indicator
        self.observed = observed
        self.expected = expected
        self.zh = zh
        self.en = en
    }
}

extension CheckContext {
    /// A finding about the enterprise of report row `row`.
    public func finding(
        reportRow row: Int, _ descriptor: CheckDescriptor, _ settings: CheckSettings, score: Double, _ text: FindingText
    ) -> Finding {
        Finding(
            period: period, scope: .enterprise, creditCode: reports.creditCodes[row],
            name: reports[text: ReportField.name][row], regionCode: reports.regionCodes[row].description,
            industryCode: reports.industryCodes[row].description, ruleID: descriptor.ruleID, category: descriptor.category,
            severity: settings.severity ?? descriptor.defaultSeverity, score: score, indicator: text.indicator,
            observed: text.observed, expected: text.expected, messageZh: text.zh, messageEn: text.en)
    }

    /// A finding about an enterprise known from a row of `table` (the register or admin data).
    public func finding(
        row: Int, of table: ColumnTable, _ descriptor: CheckDescriptor, _ settings: CheckSettings, score: Double, _ text: FindingText
    ) -> Finding {
        Finding(
            period: period, scope: .enterprise, creditCode: table.creditCodes[row],
            name: Self.name(row: row, of: table),
            regionCode: table.regionCodes[row].description, industryCode: table.industryCodes[row].description,
            ruleID: descriptor.ruleID, category: descriptor.category,
            severity: settings.severity ?? descriptor.defaultSeverity, score: score, indicator: text.indicator,
            observed: text.observed, expected: text.expected, messageZh: text.zh, messageEn: text.en)
    }

    /// A finding about a region (a county or town code prefix).
    public func finding(
        region: String, name: String, _ descriptor: CheckDescriptor, _ settings: CheckSettings, score: Double, _ text: FindingText
    ) -> Finding {
        Finding(
            period: period, scope: .region, creditCode: nil, name: name, regionCode: region, industryCode: "",
            ruleID: descriptor.ruleID, category: descriptor.category,
            severity: settings.severity ?? descriptor.defaultSeverity, score: score, indicator: text.indicator,
            observed: text.observed, expected: text.expected, messageZh: text.zh, messageEn: text.en)
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
