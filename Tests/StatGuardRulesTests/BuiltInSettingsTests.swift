import Foundation
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import Testing

/// Built-in checks can be switched off or re-thresholded from the pipeline's `rules:` list.
@Suite("Built-in checks in the rules list")
struct BuiltInSettingsTests {
    func load(_ rules: String) throws -> PipelineDefinition {
        let yaml = """
            name: t
            input:
              folder: data
              reports: r_{YYYYMM}.csv
              register: register.csv
            rules:
            \(rules)
            """
        return try PipelineLoader(knownChecks: CheckCatalog.entries).load(yaml: yaml, path: "/tmp/p.yaml")
    }

    @Test func disabledAndReThresholded() throws {
        let pipeline = try load("""
              - id: C04
                enabled: false
              - id: O01
                high_ratio: 2.5
            """)
        #expect(pipeline.settings(for: "C04").enabled == false)
        #expect(pipeline.settings(for: "O01").value(O01_AboveElectricityImpliedOutput.high) == 2.5)
        #expect(pipeline.rules.isEmpty)
        let firms = [Firm(number: 1, now: [.salesOutput: 100])]  // 产销率 10%: C04 would fire
        let run = CheckRunner.run(RuleFixture.context(firms), settings: { pipeline.settings(for: $0.rawValue) }, available: [])
        #expect(run.results.first { $0.ruleID == "C04" }?.skipped == "switched off in the pipeline")
        #expect(!run.findings.contains { $0.ruleID == "C04" })
    }

    @Test func badRuleIsLocatedInTheFile() throws {
        do {
            _ = try load("""
                  - id: R09
                    category: over
                    check: gross_output > lag(gros_output, 1)
                    message_zh: x
                    message_en: x
                """)
            Issue.record("the rule should not compile")
        } catch let error as ConfigError {
            #expect(error.line == 9)
            #expect(error.description.contains("rule 'R09', check, column 20: unknown field 'gros_output'"))
            #expect(error.description.contains("'gross_output'"))
        }
    }

    @Test func aStructuralRuleCannotBeSwitchedOff() {
        #expect(throws: ConfigError.self) { try load("  - id: S01\n    enabled: false") }
    }
}
