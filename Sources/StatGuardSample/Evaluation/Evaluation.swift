/// Scores alerts against the planted labels (see ``AlertMatching`` for the rules).
public struct Evaluation: Sendable, Equatable {
    /// Labels of one kind or category and how many were detected.
    public struct Recall: Sendable, Equatable {
        public var name: String
        public var category: String
        public var labels: Int
        /// Detected by an alert of any severity.
        public var detected: Int
        /// Detected by a warning or error alert.
        public var detectedActionable: Int
        public var recall: Double? { labels > 0 ? Double(detected) / Double(labels) : nil }
        public var recallActionable: Double? { labels > 0 ? Double(detectedActionable) / Double(labels) : nil }
    }

    /// True positives among the warning and error alerts of one rule (or all).
    public struct Precision: Sendable, Equatable {
        public var name: String
        public var alerts: Int
        public var truePositives: Int
        public var precision: Double? { alerts > 0 ? Double(truePositives) / Double(alerts) : nil }
    }

    /// Alerts on hard negatives of one kind (or all).
    public struct NegativeHits: Sendable, Equatable {
        public var kind: String
        /// Enterprise-periods of this kind in negatives.csv.
        public var enterprisePeriods: Int
        /// Of them, those with at least one warning/error over or under alert.
        public var flagged: Int
        /// Warning/error over or under alerts on them.
        public var alerts: Int
    }

    public var byKind: [Recall]
    public var byCategory: [Recall]
    public var overall: Recall
    /// Over warning+error alerts of scope enterprise and region.
    public var precision: Precision
    public var precisionByRule: [Precision]
    /// Warning+error alerts of other scopes (industry, file), not scored.
    public var unscoredAlerts: Int
    /// K, the hits among the top K enterprise-periods, and hits / K.
    public var k: Int
    public var hitsAtK: Int
    public var precisionAtK: Double? { k > 0 ? Double(hitsAtK) / Double(k) : nil }
    public var negatives: [NegativeHits]
    public var alertsRead: Int

    /// Computes every metric.
    /// - Complexity: O(labels + alerts + negatives), plus O(m·l) for the m malformed-code
    ///   alerts against the l labels of their period, and O(a log a) to rank alerts.
    public static func compute(labels: [LabelRecord], alerts: [AlertRecord], negatives: [NegativeRecord] = []) -> Evaluation {
        let index = AlertIndex(alerts)
        let labelIndex = LabelIndex(labels)
        // Recall.
        var kinds: [String: Recall] = [:]
        var categories: [String: Recall] = [:]
        var overall = Recall(name: "all", category: "", labels: 0, detected: 0, detectedActionable: 0)
        for label in labels {
            let (any, actionable) = index.detects(label)
            func tally(_ r: inout Recall) {
                r.labels += 1
                r.detected += any ? 1 : 0
                r.detectedActionable += actionable ? 1 : 0
            }
            tally(&kinds[label.kind, default: Recall(name: label.kind, category: label.category, labels: 0, detected: 0, detectedActionable: 0)])
            tally(&categories[label.category, default: Recall(name: label.category, category: label.category, labels: 0, detected: 0, detectedActionable: 0)])
            tally(&overall)
        }
        // Precision over warning+error alerts.
        var precision = Precision(name: "all", alerts: 0, truePositives: 0)
        var byRule: [String: Precision] = [:]
        var unscored = 0
        for alert in alerts where alert.isActionable {
            guard alert.scope == "enterprise" || alert.scope == "region" else { unscored += 1; continue }
            let hit = labelIndex.covers(alert)
            precision.alerts += 1
            precision.truePositives += hit ? 1 : 0
            byRule[alert.ruleID, default: Precision(name: alert.ruleID, alerts: 0, truePositives: 0)].alerts += 1
            if hit { byRule[alert.ruleID]!.truePositives += 1 }
        }
        // Precision at K.
        let k = labelIndex.enterprisePeriods.count
        var best: [String: (score: Double, alert: AlertRecord)] = [:]
        for alert in alerts where alert.scope == "enterprise" && !alert.creditCode.isEmpty {
            let key = alert.period + "|" + alert.creditCode
            if let current = best[key], current.score >= alert.score { continue }
            best[key] = (alert.score, alert)
        }
        let ranked = best.values.sorted {
            ($0.score, $1.alert.period, $1.alert.creditCode) > ($1.score, $0.alert.period, $0.alert.creditCode)
        }
        let hits = ranked.prefix(k).filter { labelIndex.covers($0.alert) }.count
        // Hard negatives.
        var negativeKinds: [String: NegativeHits] = [:]
        var all = NegativeHits(kind: "all", enterprisePeriods: 0, flagged: 0, alerts: 0)
        var seen = Set<String>()
        for negative in negatives {
            let key = negative.period + "|" + negative.creditCode
            guard seen.insert(key).inserted else { continue }
            let count = index.overUnderActionable(period: negative.period, code: negative.creditCode)
            func tally(_ h: inout NegativeHits) {
                h.enterprisePeriods += 1
                h.flagged += count > 0 ? 1 : 0
                h.alerts += count
            }
            tally(&negativeKinds[negative.kind, default: NegativeHits(kind: negative.kind, enterprisePeriods: 0, flagged: 0, alerts: 0)])
            tally(&all)
        }
        let categoryOrder = ["structure", "consistency", "under", "over", "unit"]
        return Evaluation(
            byKind: kinds.values.sorted { (categoryOrder.firstIndex(of: $0.category) ?? 9, $0.name) < (categoryOrder.firstIndex(of: $1.category) ?? 9, $1.name) },
            byCategory: categories.values.sorted { (categoryOrder.firstIndex(of: $0.name) ?? 9, $0.name) < (categoryOrder.firstIndex(of: $1.name) ?? 9, $1.name) },
            overall: overall, precision: precision,
            precisionByRule: byRule.values.sorted { $0.name < $1.name }, unscoredAlerts: unscored,
            k: k, hitsAtK: hits,
            negatives: negatives.isEmpty ? [] : negativeKinds.values.sorted { $0.kind < $1.kind } + [all],
            alertsRead: alerts.count)
    }
}

/// Alerts indexed for recall and hard negatives.
struct AlertIndex {
    /// period|credit code → (category, actionable) of its alerts.
    private var byEnterprise: [String: [(category: String, actionable: Bool)]] = [:]
    /// Alerts whose credit code is not a valid code, by period (they may stand for another code).
    private var malformed: [String: [AlertRecord]] = [:]
    private var regions: [String: [AlertRecord]] = [:]
    /// Structure alerts of scope file (a quarantined row whose code was unusable), by period.
    private var fileStructure: [String: [AlertRecord]] = [:]

    init(_ alerts: [AlertRecord]) {
        for alert in alerts {
            if alert.scope == "region" {
                regions[alert.period, default: []].append(alert)
            } else if alert.scope == "file" {
                if alert.category == "structure" && !alert.regionCode.isEmpty { fileStructure[alert.period, default: []].append(alert) }
            } else if !alert.creditCode.isEmpty {
                byEnterprise[alert.period + "|" + alert.creditCode, default: []].append((alert.category, alert.isActionable))
                if AlertMatching.isMalformed(alert.creditCode) { malformed[alert.period, default: []].append(alert) }
            }
        }
    }

    /// Whether any alert, and any warning/error alert, detects `label`.
    func detects(_ label: LabelRecord) -> (any: Bool, actionable: Bool) {
        var any = false
        var actionable = false
        func see(_ category: String, _ isActionable: Bool) {
            guard category == label.category else { return }
            any = true
            actionable = actionable || isActionable
        }
        if label.isRegion {
            for alert in regions[label.period] ?? [] where AlertMatching.regionsRelated(label.regionCode, alert.regionCode) {
                see(alert.category, alert.isActionable)
            }
            return (any, actionable)
        }
        for alert in byEnterprise[label.period + "|" + label.creditCode] ?? [] { see(alert.category, alert.actionable) }
        for alert in malformed[label.period] ?? [] where AlertMatching.codesCorrespond(label: label.creditCode, alert: alert.creditCode) {
            see(alert.category, alert.isActionable)
        }
        if label.category == "structure" {
            for alert in fileStructure[label.period] ?? [] where alert.regionCode == label.regionCode {
                see(alert.category, alert.isActionable)
            }
        }
        return (any, actionable)
    }

    /// Warning/error alerts of category over or under on one enterprise-period.
    func overUnderActionable(period: String, code: String) -> Int {
        (byEnterprise[period + "|" + code] ?? []).filter { $0.actionable && ($0.category == "over" || $0.category == "under") }.count
    }
}

/// Labels indexed for precision.
struct LabelIndex {
    /// Labelled enterprise-periods, `period|credit code`.
    private(set) var enterprisePeriods: Set<String> = []
    private var codesByPeriod: [String: [String]] = [:]
    private var regionsByPeriod: [String: [String]] = [:]

    init(_ labels: [LabelRecord]) {
        for label in labels {
            if label.isRegion {
                regionsByPeriod[label.period, default: []].append(label.regionCode)
            } else if enterprisePeriods.insert(label.period + "|" + label.creditCode).inserted {
                codesByPeriod[label.period, default: []].append(label.creditCode)
            }
        }
    }

    /// Whether the alert's enterprise-period (or region-period) carries a label.
    func covers(_ alert: AlertRecord) -> Bool {
        if alert.scope == "region" {
            return (regionsByPeriod[alert.period] ?? []).contains { AlertMatching.regionsRelated($0, alert.regionCode) }
        }
        if enterprisePeriods.contains(alert.period + "|" + alert.creditCode) { return true }
        guard AlertMatching.isMalformed(alert.creditCode) else { return false }
        return (codesByPeriod[alert.period] ?? []).contains { AlertMatching.codesCorrespond(label: $0, alert: alert.creditCode) }
    }
}
