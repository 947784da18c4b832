import StatGuardConfig
import Testing

/// Issue 11: mistakes in the `rules:` list that crashed the loader or lost their place in the file.
@Suite("Rules-list errors are located")
struct RuleEntryErrorTests {
    @Test("a built-in check's unknown key in the rules list names the nearest key, at the key")
    func builtInCheckUnknownKeyInRulesList() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            rules:
              - {id: O01, hgh_ratio: 1.5}
            """)
        expectLocated(error, line: 7, column: 15, keyPath: "rules[0].hgh_ratio")
        #expect(error?.message.contains("unknown key 'hgh_ratio'. Did you mean 'high_ratio'?") == true, "\(error?.message ?? "")")
    }

    @Test("the same in block style, after a rule of the pipeline's own")
    func builtInCheckUnknownKeyInBlockStyle() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            rules:
              - {id: R01, category: over, check: gross_output > 0, message_zh: x, message_en: x}
              - id: C04
                enabeld: false
            """)
        expectLocated(error, line: 9, column: 5, keyPath: "rules[1].enabeld")
        #expect(error?.message.contains("Did you mean 'enabled'?") == true)
    }

    @Test("a built-in check's bad threshold in the rules list is located at the value")
    func builtInCheckBadThresholdInRulesList() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            rules:
              - {id: O01, high_ratio: 0.5}
            """)
        expectLocated(error, line: 7, column: 27, keyPath: "rules[0].high_ratio")
    }

    /// YAML writes numbers in forms (base 60, octal, .inf, .nan) whose conversion to an integer could trap.
    @Test("a threshold past any integer, infinite or not a number is refused at the value", arguments: [
        "1:0:0:0:0:0:0:0:0:0:0:0:0", "99999999999999999999:0", "1e400", ".inf", "-.inf", ".nan", "0o7777777777777777777777777",
    ])
    func thresholdBeyondIntIsRefused(value: String) {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            rules:
              - {id: O01, high_ratio: \(value)}
            """)
        expectLocated(error, line: 7, column: 27, keyPath: "rules[0].high_ratio")
    }

    /// Expressions that trapped or overflowed the stack while the pipeline loaded.
    @Test("a rule that crashed the compiler is refused at its line and column", arguments: [
        ("lag(gross_output, 1e19) > 0", 19, "lag reaches 1, 2 or 3 periods back"),
        ("gross_output > 1e400", 16, "'1e400' is too large a number"),
        (String(repeating: "(", count: 1000) + "true" + String(repeating: ")", count: 1000), 65, "nests too deeply"),
        (String(repeating: "not ", count: 1000) + "true", 4 * 64 + 1, "nests too deeply"),
        (Array(repeating: "gross_output", count: 5000).joined(separator: " + ") + " > 0", 1 + 15 * 2048, "too long"),
    ])
    func crashingRuleIsLocated(check: String, column: Int, message: String) {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            rules:
              - id: R01
                category: consistency
                check: \(check)
                message_zh: x
                message_en: x
            """)
        expectLocated(error, line: 9, column: 11 + column, keyPath: "rules[0].check")
        #expect(error?.message.hasPrefix("rule 'R01', check, column \(column): ") == true)
        #expect(error?.message.contains(message) == true)
    }
}
