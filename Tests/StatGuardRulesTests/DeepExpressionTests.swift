import StatGuardChecks
import Testing
@testable import StatGuardRules

/// Issue 11: long and deeply nested expressions overflowed the stack (SIGSEGV) instead of
/// compiling or being refused with a located error.
@Suite("Deep and long expressions")
struct DeepExpressionTests {
    func error(_ text: String) -> RuleSyntaxError? {
        do {
            _ = try Compiler.compile(text, as: .truth)
            return nil
        } catch {
            return error
        }
    }

    /// Compiles and runs `check` as a rule over one firm (with `message` as its message) on a 512 KiB stack.
    func runOnSmallStack(_ check: String, message: String = "{gross_output}") -> CheckResult? {
        runAndRenderOnSmallStack(check, message: message)?.result
    }

    /// The rule's result and its first finding's English message, both made on a small stack.
    func runAndRenderOnSmallStack(_ check: String, message: String) -> (result: CheckResult, message: String?)? {
        nonisolated(unsafe) var outcome: (result: CheckResult, message: String?)?
        onSmallStack {
            let rule = try? RuleDefinition.compile(
                id: "T01", category: .consistency, severity: .warning, when: nil, check: check,
                messageZh: message, messageEn: message, enabled: true)
            outcome = rule.map { rule in
                let result = UserRules.run([rule], context: RuleFixture.context([Firm(number: 1, now: [:])])).results[0]
                return (result, result.findings.first.map { rule.renderer.message($0, .en) })
            }
        }
        return outcome
    }

    @Test func fiveThousandTermSumIsRefusedWhereItPassesTheTokenLimit() throws {
        let sum = Array(repeating: "gross_output", count: 5000).joined(separator: " + ") + " > 0"
        let e = try #require(error(sum))
        #expect(e.column == 1 + 15 * 2048)  // the 4,097th token: the 2,049th term
        #expect(e.message.contains("the expression is too long: more than 4096"))
    }

    @Test func twoThousandTermSumCompilesAndEvaluatesOnASmallStack() throws {
        let sum = Array(repeating: "gross_output", count: 2000).joined(separator: " + ")
        #expect(runOnSmallStack("\(sum) == 2000000")?.passed == 1, "2,000 × 1,000 千元")
        let failed = runAndRenderOnSmallStack("\(sum) != 2000000", message: "{\(sum)}")
        #expect(failed?.message == "2,000,000")
    }

    @Test func deepestPlaceholderRendersOnASmallStack() {
        let deep = String(repeating: "abs(1 + 1 * ", count: 64) + "1" + String(repeating: ")", count: 64)
        #expect(runAndRenderOnSmallStack("false", message: "{\(deep)}")?.message == "65")
    }

    @Test func hundredThousandNestedParenthesesAreRefused() throws {
        let parentheses = String(repeating: "(", count: 100_000) + "true" + String(repeating: ")", count: 100_000)
        #expect(try #require(error(parentheses)).column == 4097)  // too long before too deep
        let e = try #require(error(String(repeating: "(", count: 1000) + "true" + String(repeating: ")", count: 1000)))
        #expect(e.column == 65)
        #expect(e.message.contains("nests too deeply: more than 64 levels"))
    }

    @Test func longNotChainIsRefusedAtTheFirstLevelPastTheLimit() throws {
        let e = try #require(error(String(repeating: "not ", count: 1000) + "true"))
        #expect(e.column == 1 + 4 * 64)
        #expect(e.message.contains("nests too deeply"))
        #expect(error(String(repeating: "not ", count: 64) + "true") == nil)
    }

    @Test func longUnaryMinusChainIsRefusedAtTheFirstLevelPastTheLimit() throws {
        let e = try #require(error(String(repeating: "- ", count: 1000) + "1 > 0"))
        #expect(e.column == 1 + 2 * 64)
        #expect(e.message.contains("nests too deeply"))
        #expect(error(String(repeating: "- ", count: 64) + "1 > 0") == nil)
    }

    /// The deepest expressions the limits accept, in the shapes that nest the most
    /// syntax per level, compile and evaluate (with a placeholder of the same depth) on a 512 KiB stack.
    @Test(arguments: [
        String(repeating: "(", count: 64) + "gross_output > 0" + String(repeating: ")", count: 64),
        String(repeating: "abs(1 + 1 * ", count: 64) + "1" + String(repeating: ")", count: 64) + " > 0",
        String(repeating: "not ", count: 64) + "true",
        "(" + String(repeating: "if true or true and 1 < 1 + 1 * abs(", count: 31) + "1" + String(repeating: ") then 1 else 0", count: 31) + ") > 0",
        "(" + String(repeating: "if not not true or 1 in [1] and 1 < 1 + 1 * min(1, -(", count: 15) + "1" + String(repeating: ")) then 1 else 0", count: 15) + ") >= 0",
    ])
    func deepestAcceptedExpressionRunsOnASmallStack(check: String) throws {
        #expect(error(check) == nil)
        let result = try #require(runOnSmallStack(check))
        #expect(result.passed == 1)
    }
}
