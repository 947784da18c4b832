import StatGuardCore

/// The texts a finding shows in the alert reports, each written once from the catalog:
/// who it is about, the `observed` and `expected` columns, and its message in both languages.
public struct FindingTexts: Sendable, Equatable {
    /// The enterprise's name, or the region's name and code (``FindingRenderer/subject(_:)``).
    public let subject: String
    public let observed: String
    public let expected: String
    public let messageZh: String
    public let messageEn: String

    /// The texts of `finding` as `renderer` writes them.
    public init(_ finding: Finding, _ renderer: FindingRenderer) {
        subject = renderer.subject(finding)
        observed = renderer.observed(finding)
        expected = renderer.expected(finding)
        messageZh = renderer.message(finding, .zh)
        messageEn = renderer.message(finding, .en)
    }
}
