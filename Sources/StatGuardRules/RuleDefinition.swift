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
