import GRDB
import StatGuardCore

/// A finding as the store keeps it: the fields of a row of the v1/v2 `finding` table, texts as
/// written (the slots as ``SlotCoding`` JSON), before they are read as a ``Finding``.
///
/// Findings stored before v2 carry no slots but four texts, read as the legacy variant's slots;
/// findings stored since leave those texts empty. Moving rows between the table and
/// `finding_column` goes through this form, so they move unchanged.
struct StoredFinding {
    var loadID: Int64
    var scope: String
    /// The credit code as written; nil for a finding about a region, an industry or a file.
    var creditCode: String?
    var name: String
    var regionCode: String
    var industryCode: String
    var ruleID: String
    var variant: String
    var category: String
    var severity: String
    var score: Double
    var indicator: String
    var slots: String
    var observed: String
    var expected: String
    var messageZh: String
    var messageEn: String
}

// Declared here, not in the struct, so the memberwise initializer (which builds one from decoded columns) stays.
extension StoredFinding {
    /// `finding` as a load stores it under `loadID`: slots, no legacy texts.
    init(_ finding: Finding, loadID: Int64) {
        self.init(
            loadID: loadID, scope: finding.scope.rawValue, creditCode: finding.creditCode?.description, name: finding.name,
            regionCode: finding.regionCode, industryCode: finding.industryCode, ruleID: finding.ruleID.rawValue,
            variant: finding.variant, category: finding.category.rawValue, severity: finding.severity.rawValue,
            score: finding.score, indicator: finding.indicator, slots: SlotCoding.encode(finding.slots),
            observed: "", expected: "", messageZh: "", messageEn: "")
    }

    /// A row of the v1/v2 `finding` table.
    init(row: Row) {
        self.init(
            loadID: row["load_id"], scope: row["scope"], creditCode: row["credit_code"], name: row["name"],
            regionCode: row["region_code"], industryCode: row["industry_code"], ruleID: row["rule_id"],
            variant: row["variant"], category: row["category"], severity: row["severity"], score: row["score"],
            indicator: row["indicator"], slots: row["slots"], observed: row["observed"], expected: row["expected"],
            messageZh: row["message_zh"], messageEn: row["message_en"])
    }

    /// The finding of `period` this row stands for: its slots, or for a row stored before findings
    /// carried slots, its four texts as the legacy variant's slots.
    func finding(period: Period) -> Finding {
        let slots: FindingSlots = variant == FindingMessage.legacyVariant
            ? ["observed": .text(observed), "expected": .text(expected), "message_zh": .text(messageZh), "message_en": .text(messageEn)]
            : SlotCoding.decode(self.slots)
        return Finding(
            period: period, scope: Finding.Scope(rawValue: scope) ?? .file,
            creditCode: creditCode.flatMap { try? CreditCode.parse($0, allowCheckFailure: true).get() },
            name: name, regionCode: regionCode, industryCode: industryCode, ruleID: RuleID(ruleID), variant: variant,
            category: FindingCategory(rawValue: category) ?? .structure, severity: Severity(rawValue: severity) ?? .error,
            score: score, indicator: indicator, slots: slots)
    }

    /// The values the store's content digest reads for this row of `period`: the columns of the
    /// v1/v2 table's digest query, so moving findings to `finding_column` leaves the digest.
    func digestValues(period: String) -> [DatabaseValue] {
        [
            period.databaseValue, scope.databaseValue, creditCode.databaseValue, name.databaseValue, regionCode.databaseValue,
            industryCode.databaseValue, ruleID.databaseValue, category.databaseValue, severity.databaseValue, score.databaseValue,
            indicator.databaseValue, observed.databaseValue, expected.databaseValue, messageZh.databaseValue,
            messageEn.databaseValue, variant.databaseValue, slots.databaseValue,
        ]
    }
}
