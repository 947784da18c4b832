import StatGuardChecks
import StatGuardCore

/// Runs a pipeline's own rules over a period, counting for each rule the rows
/// evaluated (passed or failed) and not evaluated, as R `validate` summarises a confrontation.
public enum UserRules {
    public static func run(_ rules: [RuleDefinition], context: CheckContext) -> CheckRun {
        var evaluator = Evaluator(context: context)
        var results: [CheckResult] = []
        var findings: [Finding] = []
        let output = context.current(.grossOutput)
        for rule in rules {
            var result = CheckResult(ruleID: RuleID(rule.id))
            guard rule.enabled else {
                result.skipped = "switched off in the pipeline"
                results.append(result)
                continue
            }
            let applies = rule.condition.map { evaluator.evaluate($0) }
            let holds = evaluator.evaluate(rule.check)
            let indicator = rule.check.fields.first
            let indicatorValues = indicator.map { context.current($0) }
            var failing: [Int] = []
            for row in 0..<context.reports.count {
                if let applies {
                    if applies[row].isNaN { result.notEvaluated("'when' has missing inputs"); continue }
                    if applies[row] == 0 { result.notEvaluated("'when' does not hold"); continue }
                }
                if holds[row].isNaN { result.notEvaluated("inputs missing"); continue }
                if holds[row] == 1 { result.pass() } else { failing.append(row) }
            }
            if !failing.isEmpty {
                let zhValues = rule.messageZh.expressions.map { evaluator.evaluate($0.expression) }
                let enValues = rule.messageEn.expressions.map { evaluator.evaluate($0.expression) }
                let entry = rule.entry
                for row in failing {
                    let observed = indicatorValues?[row] ?? .nan
                    let score = Scoring.score(
                        suspicion: Scoring.plainSuspicion, deviation: observed.isNaN ? output[row] * 0.1 : observed,
                        total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
                    var slots: FindingSlots = [RuleDefinition.observedSlot: .number(observed)]
                    rule.messageZh.slots(row: row, values: zhValues, context: context, into: &slots)
                    rule.messageEn.slots(row: row, values: enValues, context: context, into: &slots)
                    result.fail(context.finding(
                        reportRow: row, entry, CheckSettings(), score: score,
                        FindingFacts(indicator: indicator?.spec.name ?? "rule", slots)))
                }
            }
            findings += result.findings
            results.append(result)
        }
        return CheckRun(findings: findings, results: results)
    }
}
