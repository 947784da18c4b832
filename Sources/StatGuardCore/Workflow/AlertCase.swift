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
        return byCase.values.sorted { a, b in a.score != b.score ? a.score > b.score : a.id < b.id }
    }

    /// Findings by score (highest first), then severity, rule, enterprise, region and indicator, so the order is stable:
    /// the order of alerts.csv.
    public static func ranked(_ findings: [Finding]) -> [Finding] {
        findings.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.severity != b.severity { return a.severity > b.severity }
            if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
            let codeA = a.creditCode?.description ?? "", codeB = b.creditCode?.description ?? ""
            if codeA != codeB { return codeA < codeB }
            if a.regionCode != b.regionCode { return a.regionCode < b.regionCode }
            return a.indicator < b.indicator
        }
    }
}
