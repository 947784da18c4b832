/// A tunable threshold of a check, with its documented default.
public struct CheckParameter: Sendable, Equatable {
    /// The key in the pipeline file, e.g. `high_ratio`.
    public let name: String
    public let defaultValue: Double
    /// Values the pipeline file may set.
    public let allowed: ClosedRange<Double>
    /// What the threshold means, for the docs and error messages.
    public let summary: String

    public init(_ name: String, default defaultValue: Double, allowed: ClosedRange<Double>, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.allowed = allowed
        self.summary = summary
    }
}

/// A text in Chinese and English.
public struct Bilingual: Sendable, Equatable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

/// The sentences of one kind of finding of a rule, with typed slots the finding fills.
public struct FindingMessage: Sendable, Equatable {
    public let zh: FindingTemplate
    public let en: FindingTemplate
    /// The `observed` column of alerts.csv.
    public let observed: FindingTemplate
    /// The `expected` column of alerts.csv.
    public let expected: FindingTemplate
    /// Slot values that show the message in `statguard explain` and the catalog page.
    public let example: FindingSlots

    public init(zh: FindingTemplate, en: FindingTemplate, observed: FindingTemplate, expected: FindingTemplate, example: FindingSlots) {
        self.zh = zh
        self.en = en
        self.observed = observed
        self.expected = expected
        self.example = example
    }

    /// The variant of findings stored before findings carried slots: their four texts
    /// are kept as the slots `observed`, `expected`, `message_zh` and `message_en`.
    public static let legacyVariant = "legacy"

    /// How a legacy finding is shown: its stored texts, as they were.
    public static let legacy = FindingMessage(
        zh: "{message_zh}", en: "{message_en}", observed: "{observed}", expected: "{expected}", example: [:])
}

/// The catalog entry of a rule: what a newcomer, a statistician and a renderer need
/// to know about it, in one declaration (frictionless's error catalog; R validate's rules).
public struct RuleEntry: Sendable {
    /// Stable rule identifier, e.g. `O01`.
    public let ruleID: RuleID
    public let category: FindingCategory
    public let defaultSeverity: Severity
    /// The rule's name.
    public let title: Bilingual
    /// What a finding means.
    public let meaning: Bilingual
    /// Why it matters to the totals or to the bureau.
    public let why: Bilingual
    /// What to ask or check with the enterprise (or the town).
    public let ask: Bilingual
    public let parameters: [CheckParameter]
    /// The messages of its findings, by variant (`""` is the main one).
    public let messages: [String: FindingMessage]
    /// Whether a pipeline may switch the rule off (structural rules protect the store and may not).
    public let canBeDisabled: Bool

    public init(
        _ ruleID: RuleID, category: FindingCategory, severity: Severity, title: Bilingual, meaning: Bilingual,
        why: Bilingual, ask: Bilingual, parameters: [CheckParameter] = [], messages: [String: FindingMessage],
        canBeDisabled: Bool = true
    ) {
        self.ruleID = ruleID
        self.category = category
        defaultSeverity = severity
        self.title = title
        self.meaning = meaning
        self.why = why
        self.ask = ask
        self.parameters = parameters
        self.messages = messages
        self.canBeDisabled = canBeDisabled
    }

    /// The message of `variant`, the main one when the variant is unknown.
    public func message(_ variant: String) -> FindingMessage? {
        if variant == FindingMessage.legacyVariant { return .legacy }
        return messages[variant] ?? messages[""] ?? messages.values.first
    }
}

/// What a pipeline file says about one check.
public struct CheckSettings: Sendable, Equatable {
    public var enabled = true
    /// Overrides the check's default severity.
    public var severity: Severity?
    /// Threshold values set in the file; the others keep their defaults.
    public var parameters: [String: Double] = [:]

    public init(enabled: Bool = true, severity: Severity? = nil, parameters: [String: Double] = [:]) {
        self.enabled = enabled
        self.severity = severity
        self.parameters = parameters
    }

    /// The value of `parameter`: the file's, else the default.
    public func value(_ parameter: CheckParameter) -> Double {
        parameters[parameter.name] ?? parameter.defaultValue
    }

    /// The value of a count parameter as an Int (parameters are range-checked at load, so it fits).
    public func count(_ parameter: CheckParameter) -> Int {
        value(parameter).rounded().clampedInt ?? 0
    }
}

/// Every rule a run knows, built-in and the pipeline's own, by id.
public struct FindingCatalog: Sendable {
    public private(set) var entries: [RuleID: RuleEntry] = [:]
    /// The ids in catalog order.
    public private(set) var order: [RuleID] = []

    public init(_ entries: [RuleEntry]) {
        for entry in entries { add(entry) }
    }

    /// Adds `entry`, replacing one with the same id.
    public mutating func add(_ entry: RuleEntry) {
        if entries[entry.ruleID] == nil { order.append(entry.ruleID) }
        entries[entry.ruleID] = entry
    }

    public subscript(id: RuleID) -> RuleEntry? { entries[id] }

    /// Every entry in catalog order.
    public var all: [RuleEntry] { order.compactMap { entries[$0] } }
}
