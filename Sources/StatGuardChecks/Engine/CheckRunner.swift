import StatGuardCore

/// The findings and per-rule counts of one period's checks.
public struct CheckRun: Sendable {
    public var findings: [Finding]
    /// One result per catalog check, in catalog order.
    public var results: [CheckResult]

    public init(findings: [Finding], results: [CheckResult]) {
        self.findings = findings
        self.results = results
    }
}

/// Runs the catalog over a period.
public enum CheckRunner {
    /// Runs every enabled check whose inputs are present.
    ///
    /// A check switched off in the pipeline, or needing an input this load does
    /// not have, is recorded as skipped with the reason. A unit error explains
    /// the over- and under-reporting findings about the same enterprise (an
    /// inflated-looking output that is really in 元), so those are dropped: a
    /// unit error is reported as `unit`, not also as inflation. Consistency
    /// findings stay: export above sales is a contradiction whatever the unit.
    public static func run(
        _ context: CheckContext, settings: (RuleID) -> CheckSettings, available: Set<FileKind>
    ) -> CheckRun {
        let configured = CheckCatalog.checks.map { settings($0.entry.ruleID) }
        // The checks are independent: they run on every core, their results kept in catalog order.
        var results = Parallel.map(CheckCatalog.checks.count) { index in
            let check = CheckCatalog.checks[index]
            var result = CheckResult(ruleID: check.entry.ruleID)
            if !configured[index].enabled {
                result.skipped = "switched off in the pipeline"
            } else if let missing = check.needs.subtracting(available).sorted(by: { $0.rawValue < $1.rawValue }).first {
                result.skipped = "needs the \(missing.rawValue) file, which this load does not have"
            } else {
                check.init().evaluate(context, configured[index], into: &result)
            }
            return result
        }
        let unitFlagged = Set(results.flatMap(\.findings).filter { $0.category == .unit }.compactMap(\.creditCode))
        var findings: [Finding] = []
        for index in results.indices {
            let kept = results[index].findings.filter { f in
                !(f.category == .over || f.category == .under) || f.scope != .enterprise || !unitFlagged.contains(f.creditCode!)
            }
            results[index].findings = kept
            findings += kept
        }
        return CheckRun(findings: findings, results: results)
    }
}
