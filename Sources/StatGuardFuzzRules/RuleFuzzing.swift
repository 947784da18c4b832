import StatGuardChecks
import StatGuardCore
import StatGuardRules

/// One fuzz input for the rule language: the bytes, as UTF-8 (bad sequences
/// replaced), are compiled as a rule's `check`, as its `when`, as a message
/// template and as one message placeholder; whatever compiles is run over
/// ``FuzzPeriod/context`` with its check failing where it can, so messages render.
///
/// Refusals are the expected outcome for most inputs. A crash (a trap, a stack
/// overflow, a sanitizer report) is the bug this hunts.
enum RuleFuzzing {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let tries: [(when: String?, check: String, zh: String, en: String)] = [
            (nil, text, "{gross_output}", "{name}"),
            (text, "false", "{sales_output / gross_output}", "x"),
            (nil, "false", text, "x"),
            (nil, "false", "x", "{\(text)}"),
        ]
        var rules: [RuleDefinition] = []
        for (index, attempt) in tries.enumerated() {
            if let rule = try? RuleDefinition.compile(
                id: "F0\(index + 1)", category: .consistency, severity: .warning, when: attempt.when, check: attempt.check,
                messageZh: attempt.zh, messageEn: attempt.en, enabled: true)
            {
                rules.append(rule)
            }
        }
        guard !rules.isEmpty else { return }
        _ = UserRules.run(rules, context: FuzzPeriod.context)
    }
}
