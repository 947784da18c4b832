import StatGuardChecks
import StatGuardCore

/// Runs a pipeline's own rules over a period, counting for each rule the rows
/// evaluated (passed or failed) and not evaluated, as R `validate` summarises a confrontation.
public enum UserRules {
    /// Why a row was not evaluated: the keys of ``CheckResult/notEvaluated`` that quality.md prints.
    public enum NotEvaluated {
        public static let inputsMissing = "inputs missing"
        public static let divisionByZero = "division by zero"
        public static let whenInputsMissing = "'when' has missing inputs"
        public static let whenDividesByZero = "'when' divides by zero"
        public static let whenFalse = "'when' does not hold"
    }

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
                    if applies.values[row].isNaN {
                        result.notEvaluated(applies.dividedByZero.contains(row) ? NotEvaluated.whenDividesByZero : NotEvaluated.whenInputsMissing)
                        continue
                    }
                    if applies.values[row] == 0 { result.notEvaluated(NotEvaluated.whenFalse); continue }
                }
                if holds.values[row].isNaN {
                    result.notEvaluated(holds.dividedByZero.contains(row) ? NotEvaluated.divisionByZero : NotEvaluated.inputsMissing)
                    continue
                }
                if holds.values[row] == 1 { result.pass() } else { failing.append(row) }
            }
            if !failing.isEmpty {
                let zhValues = rule.messageZh.expressions.map { evaluator.evaluate($0.expression).values }
                let enValues = rule.messageEn.expressions.map { evaluator.evaluate($0.expression).values }
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
