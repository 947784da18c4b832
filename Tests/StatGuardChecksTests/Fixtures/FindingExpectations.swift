import StatGuardChecks
import StatGuardCore
import Testing

/// Checks a finding's rule, category, severity and indicator, and that both
/// messages state each of `figures` as printed (e.g. `"8,000"`).
func expectFinding(
    _ finding: Finding?, rule: String, category: FindingCategory, severity: Severity, indicator: String,
    figures: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let finding else {
        Issue.record("expected a \(rule) finding, found none", sourceLocation: sourceLocation)
        return
    }
    #expect(finding.ruleID.rawValue == rule, sourceLocation: sourceLocation)
    #expect(finding.category == category, sourceLocation: sourceLocation)
    #expect(finding.severity == severity, sourceLocation: sourceLocation)
    #expect(finding.indicator == indicator, sourceLocation: sourceLocation)
    #expect(finding.score >= 0, sourceLocation: sourceLocation)
    for figure in figures {
        #expect(finding.messageZh.contains(figure), "zh message lacks \(figure): \(finding.messageZh)", sourceLocation: sourceLocation)
        #expect(finding.messageEn.contains(figure), "en message lacks \(figure): \(finding.messageEn)", sourceLocation: sourceLocation)
    }
}
