import StatGuardCore

/// A period's findings in alerts.csv's order with their keys and texts, made once per run
/// and shared by the reports that list every finding: alerts.csv, cases.csv and alerts.xlsx
/// each used to write every sentence again from the catalog.
public struct RankedFindings: Sendable {
    /// The findings, highest score first (``AlertCase/ranked(_:)``).
    public let findings: [Finding]
    /// The key of `findings[i]`.
    public let keys: [AlertKey]
    /// The texts of `findings[i]`.
    public let texts: [FindingTexts]
    /// Each key's first finding in rank order: the one its case line shows (``AlertCase/cases(_:statuses:explanations:)``).
    private let firstOfKey: [AlertKey: Int]

    /// Ranks `findings` and writes their texts with `renderer`, spread over the cores.
    public init(_ findings: [Finding], _ renderer: FindingRenderer) {
        let ranked = AlertCase.ranked(findings)
        let chunk = 2_048
        let chunks = Parallel.map((ranked.count + chunk - 1) / chunk) { i in
            ranked[i * chunk..<min(ranked.count, (i + 1) * chunk)].map { (AlertKey($0), FindingTexts($0, renderer)) }
        }
        self.findings = ranked
        keys = chunks.flatMap { $0.map(\.0) }
        texts = chunks.flatMap { $0.map(\.1) }
        var first: [AlertKey: Int] = [:]
        first.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() where first[key] == nil { first[key] = index }
        firstOfKey = first
    }

    /// The texts of a case line's finding: those of its key's first finding when that is
    /// the same finding (the cases were made from these findings), else nil.
    public func texts(of line: AlertCase.Line) -> FindingTexts? {
        guard let index = firstOfKey[line.key], findings[index] == line.finding else { return nil }
        return texts[index]
    }
}
