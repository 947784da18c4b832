import StatGuardCore

/// A key that fired this period, as the carry-over sees it: its observed figure and score.
public struct KeyObservation: Sendable, Equatable {
    public var key: AlertKey
    /// The observed figure of the key's highest-scoring finding (nil when it is not a number).
    public var observed: Double?
    /// The highest score of the key's findings.
    public var score: Double

    public init(key: AlertKey, observed: Double?, score: Double) {
        self.key = key
        self.observed = observed
        self.score = score
    }

    /// One observation per key of `findings`, keys in text order.
    public static func of(_ findings: [Finding], catalog: FindingCatalog) -> [KeyObservation] {
        var byKey: [AlertKey: KeyObservation] = [:]
        for finding in AlertCase.ranked(findings) {
            let key = AlertKey(finding)
            if byKey[key] == nil {
                byKey[key] = KeyObservation(key: key, observed: catalog.observedValue(of: finding), score: finding.score)
            }
        }
        // In the keys' order (their text's), each text made once: not twice a comparison.
        return byKey.values.map { ($0.key.description, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
