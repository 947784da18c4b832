import StatGuardChecks
import Testing
@testable import StatGuardRules

/// Issue 11: a row whose rule divided by zero was counted as "inputs missing".
@Suite("Division by zero is counted apart")
struct DivisionByZeroTests {
    func rule(_ check: String, when: String? = nil) throws -> RuleDefinition {
        try RuleDefinition.compile(
            id: "T01", category: .consistency, severity: .warning, when: when, check: check,
            messageZh: "{gross_output / sales_output}", messageEn: "{gross_output / sales_output}", enabled: true)
    }

    func run(_ check: String, when: String? = nil, _ firms: [Firm]) throws -> CheckResult {
        UserRules.run([try rule(check, when: when)], context: RuleFixture.context(firms)).results[0]
    }

    let firms = [
        Firm(number: 1, now: [.salesOutput: 0]),                     // 1,000 / 0
        Firm(number: 2, now: [.grossOutput: 0, .salesOutput: 0]),    // 0 / 0
        Firm(number: 3, now: [.grossOutput: .nan]),                  // blank output
        Firm(number: 4, now: [.grossOutput: .nan, .salesOutput: 0]), // blank / 0: the input is what is missing
        Firm(number: 5, now: [:]),                                   // 1,000 / 980
    ]

    @Test func divisionByZeroIsNotCountedAsMissingInputs() throws {
        let result = try run("gross_output / sales_output <= 1.5", firms)
        #expect(result.notEvaluated == [UserRules.NotEvaluated.divisionByZero: 2, UserRules.NotEvaluated.inputsMissing: 2])
        #expect(result.passed == 1)
    }

    @Test func divisionByZeroInWhenIsCountedApart() throws {
        let result = try run("gross_output > 0", when: "gross_output / sales_output > 0", firms)
        #expect(result.notEvaluated == [UserRules.NotEvaluated.whenDividesByZero: 2, UserRules.NotEvaluated.whenInputsMissing: 2])
    }

    /// The mark follows the missing value: kept where it reaches the result, dropped where the result is known.
    @Test(arguments: [
        ("abs(-(gross_output / sales_output)) + 1 > min(1, 2)", 2),
        ("gross_output / sales_output > 1 and true", 2),
        ("gross_output / sales_output > 1 and false", 0),     // false either way: evaluated
        ("gross_output / sales_output > 1 or true", 0),       // true either way: evaluated
        ("if sales_output > 0 then gross_output / sales_output < 2 else true", 0),
        ("if sales_output == 0 then gross_output / sales_output < 2 else true", 2),
        ("if gross_output / sales_output > 0 then true else false", 2),
        ("gross_output / sales_output in [1, 2]", 2),
        ("gross_output / sales_output + gross_output > 0", 2),
    ])
    func markFollowsTheMissingValue(check: String, dividedByZero: Int) throws {
        let result = try run(check, [firms[0], firms[1], firms[3]])
        #expect(result.notEvaluated[UserRules.NotEvaluated.divisionByZero, default: 0] == dividedByZero, "\(result.notEvaluated)")
        #expect(result.notEvaluated[UserRules.NotEvaluated.inputsMissing, default: 0] == 3 - dividedByZero - result.evaluated)  // blank / 0
    }

    @Test func failingRowsStillRenderTheirMessages() throws {
        let rule = try rule("gross_output / sales_output < 1")
        let result = UserRules.run(
            [rule], context: RuleFixture.context([Firm(number: 1, now: [.salesOutput: 500]), Firm(number: 2, now: [.salesOutput: 0])])).results[0]
        #expect(result.findings.map { rule.renderer.message($0, .en) } == ["2"])
        #expect(result.notEvaluated == [UserRules.NotEvaluated.divisionByZero: 1])
    }
}
