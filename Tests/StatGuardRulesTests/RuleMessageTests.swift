import StatGuardChecks
import StatGuardCore
import StatGuardReports
import Testing
@testable import StatGuardRules

/// A pipeline rule's findings carry its placeholders' values; its catalog entry writes the sentence.
@Suite("Rule messages from the catalog")
struct RuleMessageTests {
    @Test func placeholdersAreSlotsRenderedFromTheRulesEntry() throws {
        let rule = try RuleDefinition.compile(
            id: "T02", category: .consistency, severity: .error, when: nil, check: "export_delivery <= sales_output",
            messageZh: "出口{export_delivery}超过销售{sales_output}（{name}，差{export_delivery - sales_output}）",
            messageEn: "export {export_delivery} above sales {sales_output}", enabled: true)
        let firms = [Firm(number: 1, now: [.exportDelivery: 2_500, .salesOutput: 1_000])]
        let run = UserRules.run([rule], context: RuleFixture.context(firms))
        let finding = try #require(run.findings.first)
        #expect(finding.slots["export_delivery"] == .number(2_500))
        #expect(finding.slots["export_delivery - sales_output"] == .number(1_500))
        let renderer = FindingRenderer(catalog: FindingCatalog(CheckCatalog.entries + [rule.entry]))
        #expect(renderer.message(finding, .zh) == "出口2,500超过销售1,000（\(finding.name)，差1,500）")
        #expect(renderer.message(finding, .en) == "export 2,500 above sales 1,000")
        #expect(renderer.observed(finding) == "2,500")
        #expect(renderer.expected(finding) == "export_delivery <= sales_output")
    }
}
