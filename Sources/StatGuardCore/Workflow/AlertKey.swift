/// What an alert is about, stable across periods: the enterprise (or region), the
/// rule and the indicator. A finding is one occurrence of its key in one period.
///
/// Its text form, `91110000101623741K/O01/gross_output` or `511703001/G02/gross_output`,
/// is what `cases` prints, `triage --key` takes and `alerts.csv`'s `alert_key` holds.
/// The subject never contains `/`; the indicator may (the text splits at the first two).
public struct AlertKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The enterprise's credit code, the region or industry code, or for a file finding its name (file and line).
    public let subject: String
    public let ruleID: RuleID
    public let indicator: String

    public init(subject: String, ruleID: RuleID, indicator: String) {
        self.subject = subject.utf8.contains(UInt8(ascii: "/")) ? subject.replacingOccurrences(of: "/", with: "_") : subject
        self.ruleID = ruleID
        self.indicator = indicator
    }

    /// The key of `finding`.
    public init(_ finding: Finding) {
        let subject = switch finding.scope {
        case .enterprise: finding.creditCode?.description ?? finding.name
        case .region: finding.regionCode
        case .industry: finding.industryCode
        case .file: finding.name
        }
        self.init(subject: subject, ruleID: finding.ruleID, indicator: finding.indicator)
    }

    /// Parses the text form; nil unless it has a subject, a rule id and an indicator.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        subject = String(parts[0])
        ruleID = RuleID(String(parts[1]))
        indicator = String(parts[2])
    }

    public var description: String { "\(subject)/\(ruleID)/\(indicator)" }

    /// The enterprise, when the subject is a credit code.
    public var creditCode: CreditCode? {
        guard subject.utf8.count == 18, case .success(let code) = CreditCode.parse(subject, allowCheckFailure: true) else { return nil }
        return code
    }

    /// The report fields the indicator names (`gross_output+sales_output` names two); empty for other indicators.
    public var fields: [String] {
        let names = Set(ReportField.allCases.map(\.spec.name))
        return indicator.split(separator: "+").map(String.init).filter { names.contains($0) }
    }

    public static func < (lhs: AlertKey, rhs: AlertKey) -> Bool { lhs.description < rhs.description }
}

/// One case: every finding of one enterprise (or region) in one period, what one phone call settles.
/// Its text form is `<subject>@<YYYY-MM>`.
public struct CaseID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let subject: String
    public let period: Period

    public init(subject: String, period: Period) {
        self.subject = subject
        self.period = period
    }

    /// The case a key's occurrence in `period` belongs to.
    public init(_ key: AlertKey, period: Period) {
        self.init(subject: key.subject, period: period)
    }

    public var description: String { "\(subject)@\(period)" }

    public static func < (lhs: CaseID, rhs: CaseID) -> Bool { lhs.description < rhs.description }
}
