import StatGuardCore

/// What one check found in one period, counted as R `validate` counts a confrontation:
/// units evaluated (failed or passed) and units not evaluated, with why.
public struct CheckResult: Sendable {
    public let ruleID: RuleID
    public var findings: [Finding] = []
    /// Units (enterprises, products, regions) the check could judge.
    public var evaluated = 0
    /// Units that failed: one per unit, however many findings it produced.
    public var failed = 0
    /// Units that could not be judged, by reason (no history, too few peers…).
    public var notEvaluated: [String: Int] = [:]
    /// Why the whole check did not run (disabled, or an input missing), if it did not.
    public var skipped: String?
    /// Parameters worth reporting in quality.md (e.g. the HB bounds and quartile rule).
    public var notes: [String] = []

    public init(ruleID: RuleID) {
        self.ruleID = ruleID
    }

    public var passed: Int { evaluated - failed }

    /// Counts a unit that could not be judged.
    public mutating func notEvaluated(_ reason: String) {
        notEvaluated[reason, default: 0] += 1
    }

    /// Counts a judged unit; `findings` non-empty means it failed.
    public mutating func record(_ unitFindings: [Finding]) {
        evaluated += 1
        if !unitFindings.isEmpty {
            failed += 1
            findings += unitFindings
        }
    }

    /// Counts a judged unit that passed.
    public mutating func pass() { evaluated += 1 }

    /// Counts a judged unit that failed with one finding.
    public mutating func fail(_ finding: Finding) {
        evaluated += 1
        failed += 1
        findings.append(finding)
    }
}
