/// A case: every key that fired for one enterprise (or region) in one period, what
/// one phone call settles. Cases are ranked by the sum of their keys' scores.
public struct AlertCase: Sendable {
    /// One key occurrence of the case: its highest-scoring finding and its status.
    public struct Line: Sendable {
        public var finding: Finding
        public var status: AlertStatus
        public var key: AlertKey { status.key }
    }

    public var id: CaseID
    /// The enterprise or region name.
    public var name: String
    public var creditCode: CreditCode?
    /// The enterprise's region, or the region the case is about.
    public var regionCode: String
    /// One line per key, highest score first.
    public var lines: [Line]
    /// The enterprise's own 填报说明 for the period ("" when it gave none).
    public var explanation: String

    /// The sum of the keys' scores.
    public var score: Double { lines.reduce(0) { $0 + $1.status.score } }
    /// Whether any key still waits for a decision.
    public var isOpen: Bool { lines.contains { $0.status.status.isInQueue } }
    /// The town (first nine digits of the region code), or the code as it is when shorter.
    public var town: String { RegionCode.townCode(of: regionCode) }

    /// The findings grouped into cases, ranked by score (then case id, so the order is stable).
    /// A finding whose key has no status yet counts as open; when several findings share a
    /// key in one period, the key's line shows the highest-scoring one.
    public static func cases(_ findings: [Finding], statuses: AlertStatuses, explanations: [CreditCode: String] = [:]) -> [AlertCase] {
        var byCase: [CaseID: AlertCase] = [:]
        var seen: Set<AlertKey> = []
        for finding in ranked(findings) {
            let key = AlertKey(finding)
            guard seen.insert(key).inserted else { continue }
            let status = statuses[key] ?? .new(key, period: finding.period, observed: nil, score: finding.score)
            let id = CaseID(key, period: finding.period)
            if byCase[id] == nil {
                byCase[id] = AlertCase(
                    id: id, name: finding.name, creditCode: finding.creditCode, regionCode: finding.regionCode, lines: [],
                    explanation: finding.creditCode.flatMap { explanations[$0] } ?? "")
            }
            byCase[id]!.lines.append(Line(finding: finding, status: status))
        }
        // Scores and id texts taken once, not summed and written on every comparison.
        let unranked = Array(byCase.values)
        let scores = unranked.map(\.score), ids = unranked.map(\.id.description)
        return unranked.indices.sorted { i, j in scores[i] != scores[j] ? scores[i] > scores[j] : ids[i] < ids[j] }.map { unranked[$0] }
    }

    /// Findings by score (highest first), then severity, rule, enterprise, region and indicator, so the order is stable:
    /// the order of alerts.csv.
    public static func ranked(_ findings: [Finding]) -> [Finding] {
        // Indices sorted on keys taken once: comparing findings themselves copied them (and
        // made a credit code's text) on every comparison, which a national period felt.
        let scores = findings.map(\.score), severities = findings.map(\.severity), rules = findings.map(\.ruleID)
        let codes = findings.map(\.creditCode), regions = findings.map(\.regionCode), indicators = findings.map(\.indicator)
        let order = findings.indices.sorted { i, j in
            if scores[i] != scores[j] { return scores[i] > scores[j] }
            if severities[i] != severities[j] { return severities[i] > severities[j] }
            if rules[i] != rules[j] { return rules[i] < rules[j] }
            if codes[i] != codes[j] {
                // A credit code's order is its text's (its characters' values rise with their ASCII codes).
                guard let x = codes[i] else { return true }
                guard let y = codes[j] else { return false }
                return x < y
            }
            if regions[i] != regions[j] { return regions[i] < regions[j] }
            return indicators[i] < indicators[j]
        }
        return order.map { findings[$0] }
    }
}
