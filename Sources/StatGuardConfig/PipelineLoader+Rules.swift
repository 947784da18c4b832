import StatGuardCore
import StatGuardRules
import Yams

extension PipelineLoader {
    static let ruleKeys = ["id", "category", "severity", "when", "check", "message_zh", "message_en", "enabled"]

    /// Reads the `rules:` list: the pipeline's own rules, compiled now, before any data is read.
    /// An entry whose id is a built-in check takes `enabled`, `severity` and its thresholds, as under `checks:`.
    func readRules(_ value: YAMLValue, into definition: inout PipelineDefinition) throws(ConfigError) {
        var seen: Set<String> = []
        for item in try value.list() {
            let entries = try item.mapping()
            guard let idEntry = entries.first(where: { $0.key == "id" }) else { throw item.error("a rule needs an 'id'") }
            let id = try idEntry.value.string()
            guard seen.insert(id).inserted else { throw idEntry.value.error("rule id '\(id)' appears twice") }
            if knownChecks[id] != nil {
                // Read in place, so an unknown key is located like any other.
                definition.checks[id] = try readCheckSettings(id: id, item, besides: ["id"])
                continue
            }
            definition.rules.append(try readRule(id: id, item))
        }
    }

    private func readRule(id: String, _ item: YAMLValue) throws(ConfigError) -> RuleDefinition {
        var fields: [String: YAMLValue] = [:]
        for (key, value) in try item.mapping(allowed: Self.ruleKeys) { fields[key] = value }
        func text(_ key: String) throws(ConfigError) -> String {
            guard let value = fields[key] else { throw item.error("rule '\(id)' needs '\(key)'") }
            return try value.string()
        }
        let categoryText = try text("category")
        guard let category = FindingCategory(rawValue: categoryText), category != .structure else {
            throw fields["category"]!.error("expected consistency, under, over or unit, found '\(categoryText)'")
        }
        let severityText = try fields["severity"]?.string() ?? "warning"
        guard let severity = Severity(rawValue: severityText) else {
            throw fields["severity"]!.error("expected error, warning or info, found '\(severityText)'")
        }
        do {
            return try RuleDefinition.compile(
                id: id, category: category, severity: severity, when: try fields["when"]?.string(), check: try text("check"),
                messageZh: try text("message_zh"), messageEn: try text("message_en"), enabled: try fields["enabled"]?.bool() ?? true)
        } catch let error as RuleCompileError {
            let node = fields[error.part]!
            let quoted: Int
            if case .scalar(let scalar) = node.node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { quoted = 1 } else { quoted = 0 }
            throw ConfigError(
                file: node.file, line: node.node.mark?.line ?? 0, column: (node.node.mark?.column ?? 1) + quoted + error.column - 1,
                keyPath: node.keyPath, message: "rule '\(id)', \(error.part), column \(error.column): \(error.message)")
        } catch let error as ConfigError {
            throw error
        } catch {
            throw item.error("\(error)")
        }
    }
}
