import StatGuardChecks
import Testing
@testable import StatGuardRules

/// Issue 11: a failing rule whose message or indicator held a figure past Int64 (≥ 9.2 × 10^18) trapped while rendering.
@Suite("Huge figures in rule findings")
struct HugeValueTests {
    @Test(arguments: [
        (1e300, "{gross_output * 1000}", "1,000,000,000,000,000,0"),  // printed in full: 304 digits
        (1e19, "{gross_output}", "10,000,000,000,000,000,000"),
        (-1.5e308, "{gross_output}", "-150,000,000,000,000,001,646"),
        (1e308, "{gross_output * 10}", "—"),  // overflows to infinity
        (999_999_999_999.9, "{gross_output}", "999,999,999,999.9"),
    ])
    func hugeFigureRendersWithoutTrapping(output: Double, message: String, expected: String) throws {
        let rule = try RuleDefinition.compile(
            id: "T01", category: .over, severity: .warning, when: nil, check: "gross_output < 0 and gross_output > 0",
            messageZh: message, messageEn: message, enabled: true)
        let result = UserRules.run([rule], context: RuleFixture.context([Firm(number: 1, now: [.grossOutput: output])])).results[0]
        let finding = try #require(result.findings.first)
        let message = rule.renderer.message(finding, .en)
        #expect(message == expected || (expected.count > 20 && message.hasPrefix(expected)), "\(message)")
        #expect(!rule.renderer.observed(finding).isEmpty)
    }
}
