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

/// The catalog entry of a check: its stable id, category, default severity and thresholds.
public struct CheckDescriptor: Sendable {
    /// Stable rule identifier, e.g. `O01`.
    public let ruleID: String
    /// A short English title.
    public let title: String
    /// The Chinese title.
    public let titleZh: String
    public let category: FindingCategory
    public let defaultSeverity: Severity
    public let parameters: [CheckParameter]
    /// Whether a pipeline may switch the check off (structural rules protect the store and may not).
    public let canBeDisabled: Bool

    public init(
        ruleID: String, title: String, titleZh: String, category: FindingCategory, defaultSeverity: Severity,
        parameters: [CheckParameter] = [], canBeDisabled: Bool = true
    ) {
        self.ruleID = ruleID
        self.title = title
        self.titleZh = titleZh
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.parameters = parameters
        self.canBeDisabled = canBeDisabled
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
}
