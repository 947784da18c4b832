import StatGuardCore

/// A statistician's own rule (审核公式) from a pipeline file, compiled.
///
/// `when` selects the rows the rule applies to; `check` must hold on them.
/// A row whose `check` is missing (its inputs are blank, or history is absent,
/// or it divides by zero, counted apart) is counted as not evaluated: neither passed nor failed.
public struct RuleDefinition: Sendable {
    public var id: String
    public var category: FindingCategory
    public var severity: Severity
    public var condition: Expression?
    public var check: Expression
    /// The `check` text as written, shown as what was expected.
    public var checkText: String
    public var messageZh: MessageTemplate
    public var messageEn: MessageTemplate
    public var enabled: Bool

    /// Compiles a rule; errors name the part (`when`, `check`, `message_zh`, `message_en`) and the column in it.
    public static func compile(
        id: String, category: FindingCategory, severity: Severity, when condition: String?, check: String,
        messageZh: String, messageEn: String, enabled: Bool
    ) throws(RuleCompileError) -> RuleDefinition {
        func part<T>(_ name: String, _ body: () throws(RuleSyntaxError) -> T) throws(RuleCompileError) -> T {
            do { return try body() } catch { throw RuleCompileError(part: name, column: error.column, message: error.message) }
        }
        return RuleDefinition(
            id: id, category: category, severity: severity,
            condition: try condition.map { text throws(RuleCompileError) in try part("when") { () throws(RuleSyntaxError) in try Compiler.compile(text, as: .truth) } },
            check: try part("check") { () throws(RuleSyntaxError) in try Compiler.compile(check, as: .truth) },
            checkText: check,
            messageZh: try part("message_zh") { () throws(RuleSyntaxError) in try MessageTemplate(messageZh) },
            messageEn: try part("message_en") { () throws(RuleSyntaxError) in try MessageTemplate(messageEn) },
            enabled: enabled)
    }
}

/// Why a rule does not compile: the part of the rule, the column inside that text, and what was expected.
public struct RuleCompileError: Error, Sendable {
    public var part: String
    public var column: Int
    public var message: String
}

extension RuleDefinition {
    /// The slot holding the value of the field the rule's check reads first (alerts.csv's `observed`).
    static let observedSlot = "observed"

    /// The rule's catalog entry: its messages' placeholders are the slots its findings fill.
    public var entry: RuleEntry {
        RuleEntry(
            RuleID(id), category: category, severity: severity,
            title: Bilingual(zh: id, en: id),
            meaning: Bilingual(zh: "本地审核规则：\(checkText)", en: "A pipeline rule: \(checkText)"),
            why: Bilingual(zh: "由本局在流水线文件中定义。", en: "Defined by the bureau in its pipeline file."),
            ask: Bilingual(zh: "按本局的审核要求核实。", en: "Verify as the bureau's rule asks."),
            messages: ["": FindingMessage(
                zh: messageZh.findingTemplate, en: messageEn.findingTemplate, observed: FindingTemplate("{\(Self.observedSlot)}"),
                expected: FindingTemplate(FindingTemplate.escaped(checkText)), example: exampleSlots)])
    }

    /// Example values for every slot of both messages and the observed figure.
    private var exampleSlots: FindingSlots {
        var slots: FindingSlots = [Self.observedSlot: .number(12_345)]
        for template in [messageZh, messageEn] {
            for (name, value) in zip(template.exampleSlots.names, template.exampleSlots.values) { slots[name] = value }
        }
        return slots
    }
}
