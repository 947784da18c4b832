import StatGuardCore
import StatGuardRules

/// A monthly load job as a pipeline file defines it, with every path resolved
/// and every value checked. Built by ``PipelineLoader``.
public struct PipelineDefinition: Sendable {
    /// The pipeline's name; reports go to `<reports folder>/<name>/<YYYY-MM>/`.
    public var name: String
    /// The pipeline file's path.
    public var file: String
    /// The folder the input patterns are relative to.
    public var dataFolder: String
    /// File-name pattern per input kind, relative to ``dataFolder``; `{YYYYMM}` and `{YYYY-MM}` stand for the period.
    public var inputPatterns: [FileKind: String]
    /// `regions.csv` (区划代码 and 名称, contract 2.6), relative to ``dataFolder``; optional.
    public var regionsPattern: String?
    /// A pinned input encoding; nil detects it per file.
    public var encoding: TextEncoding?
    /// Extra header text → contract field name, per file kind.
    public var aliases: [FileKind: [String: String]]
    public var calendar: ReportingCalendar
    /// Credit codes accepted although their check characters fail.
    public var creditCodeAllowList: Set<CreditCode>
    /// The SQLite store's path.
    public var storePath: String
    /// The folder reports are written under.
    public var reportsFolder: String
    /// Settings per check, by rule id (absent: defaults).
    public var checks: [String: CheckSettings]
    /// The pipeline's own rules, compiled, in file order.
    public var rules: [RuleDefinition]
    /// Industry chains in the order the file gives them.
    public var chains: [IndustryChain]
    /// Parks to report on, in order (others are summed as 其他园区).
    public var parks: [String]
    /// Where each load's digest is pushed (`notify:`, `web_url:`); empty when the file names no channel.
    public var notify = NotifySettings()
    /// How decisions on alert keys carry over to later periods (`workflow:`).
    public var workflow = WorkflowSettings()

    /// The path of the `kind` file for `period`, or nil when the pipeline names none.
    public func inputPath(_ kind: FileKind, period: Period) -> String? {
        guard let pattern = inputPatterns[kind] else { return nil }
        let name = pattern
            .replacingOccurrences(of: "{YYYYMM}", with: period.compact)
            .replacingOccurrences(of: "{YYYY-MM}", with: period.description)
        return name.hasPrefix("/") ? name : dataFolder + "/" + name
    }

    /// The path of `regions.csv`, or nil when the pipeline names none.
    public var regionsPath: String? {
        regionsPattern.map { $0.hasPrefix("/") ? $0 : dataFolder + "/" + $0 }
    }

    /// The settings of a check, or its defaults when the file gives none.
    public func settings(for ruleID: String) -> CheckSettings {
        checks[ruleID] ?? CheckSettings()
    }
}

/// An industry chain (产业链): a name and the GB/T 4754 code prefixes it takes in.
public struct IndustryChain: Sendable, Equatable {
    public var name: String
    /// Prefixes of 4-digit class codes: `06` takes the whole division, `2521` one class.
    public var prefixes: [String]

    public init(name: String, prefixes: [String]) {
        self.name = name
        self.prefixes = prefixes
    }

    /// Whether the chain takes in `code`.
    public func contains(_ code: IndustryCode) -> Bool {
        let text = code.description
        return prefixes.contains { text.hasPrefix($0) }
    }
}
