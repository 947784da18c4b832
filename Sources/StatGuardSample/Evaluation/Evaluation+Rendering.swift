import Foundation

extension Evaluation {
    /// The plain-text report `statguard evaluate` prints: recall per kind and
    /// category, precision, precision at K, hard negatives, and the matching rules.
    public func text() -> String {
        var lines: [String] = []
        func percent(_ value: Double?) -> String {
            guard let value else { return "-" }
            return String(format: "%.1f%%", value * 100)
        }
        func pad(_ s: String, _ width: Int) -> String {
            s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
        }
        func left(_ s: String, _ width: Int) -> String {
            s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
        }
        lines.append("Recall per kind (\(overall.labels) labels, \(alertsRead) alerts read)")
        lines.append(pad("kind", 32) + pad("category", 13) + left("labels", 7) + left("any", 7) + left("recall", 9) + left("w+e", 7) + left("recall", 9))
        for r in byKind + [overall] {
            if r.name == "all" { lines.append(String(repeating: "-", count: 84)) }
            lines.append(pad(r.name, 32) + pad(r.category, 13) + left(String(r.labels), 7) + left(String(r.detected), 7)
                + left(percent(r.recall), 9) + left(String(r.detectedActionable), 7) + left(percent(r.recallActionable), 9))
        }
        lines.append("")
        lines.append("Recall per category")
        for r in byCategory {
            lines.append(pad(r.name, 45) + left(String(r.labels), 7) + left(String(r.detected), 7)
                + left(percent(r.recall), 9) + left(String(r.detectedActionable), 7) + left(percent(r.recallActionable), 9))
        }
        lines.append("")
        lines.append("Precision of warning+error alerts: \(percent(precision.precision)) (\(precision.truePositives) of \(precision.alerts) on labelled enterprise- or region-periods; \(unscoredAlerts) industry/file alerts not scored)")
        for rule in precisionByRule {
            lines.append("  " + pad(rule.name, 8) + left(String(rule.truePositives), 7) + " of " + left(String(rule.alerts), 7) + left(percent(rule.precision), 9))
        }
        lines.append("Precision at K: \(percent(precisionAtK)) (\(hitsAtK) of the top K = \(k) enterprise-periods by score carry a label)")
        if !negatives.isEmpty {
            lines.append("")
            lines.append("Hard negatives (warning+error over/under alerts; legitimate events should draw none)")
            for n in negatives {
                lines.append("  " + pad(n.kind, 24) + left(String(n.enterprisePeriods), 7) + " enterprise-periods, "
                    + left(String(n.flagged), 6) + " flagged, " + left(String(n.alerts), 6) + " alerts")
            }
        }
        lines.append("")
        lines.append(AlertMatching.explanation)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same figures as JSON (keys sorted, rates as fractions or null).
    public func json() throws -> Data {
        func recall(_ r: Recall) -> [String: Any] {
            ["name": r.name, "category": r.category, "labels": r.labels, "detected": r.detected,
             "detected_warning_error": r.detectedActionable, "recall": r.recall ?? NSNull(),
             "recall_warning_error": r.recallActionable ?? NSNull()]
        }
        func precision(_ p: Precision) -> [String: Any] {
            ["name": p.name, "alerts": p.alerts, "true_positives": p.truePositives, "precision": p.precision ?? NSNull()]
        }
        let object: [String: Any] = [
            "alerts_read": alertsRead,
            "recall_by_kind": byKind.map(recall),
            "recall_by_category": byCategory.map(recall),
            "recall_overall": recall(overall),
            "precision_warning_error": precision(self.precision),
            "precision_by_rule": precisionByRule.map(precision),
            "unscored_alerts": unscoredAlerts,
            "precision_at_k": ["k": k, "hits": hitsAtK, "precision": precisionAtK ?? NSNull()] as [String: Any],
            "hard_negatives": negatives.map {
                ["kind": $0.kind, "enterprise_periods": $0.enterprisePeriods, "flagged": $0.flagged, "alerts": $0.alerts] as [String: Any]
            },
            "matching_rules": AlertMatching.explanation,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}
