import Foundation
import StatGuardCore
import Yams

/// Reads and checks a pipeline file (YAML) before any data is touched.
///
/// Every problem is a ``ConfigError`` with the file, line, column and key path:
/// unknown keys (with the nearest known one), wrong types, thresholds outside
/// their range, unknown rule ids, unknown contract fields in aliases.
public struct PipelineLoader: Sendable {
    /// The checks a pipeline may configure, by rule id.
    public let knownChecks: [String: RuleEntry]

    public init(knownChecks: [RuleEntry]) {
        self.knownChecks = Dictionary(knownChecks.map { ($0.ruleID.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let topLevelKeys = ["name", "input", "calendar", "credit_code_allow_list", "store", "reports_folder", "checks", "rules", "chains", "parks", "notify", "web_url", "workflow"]
    static let inputKeys = ["folder", "encoding", "aliases", "regions"] + FileKind.allCases.map(\.rawValue)

    /// Loads the pipeline file at `path`.
    public func load(path: String) throws(ConfigError) -> PipelineDefinition {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError(file: path, line: 0, column: 0, keyPath: "", message: "cannot read the pipeline file (missing, unreadable or not UTF-8)")
        }
        return try load(yaml: text, path: path)
    }

    /// Loads a pipeline from YAML text; relative paths are resolved against `path`'s folder.
    public func load(yaml text: String, path: String) throws(ConfigError) -> PipelineDefinition {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: path, line: 0, column: 0, keyPath: "", message: "the pipeline file is empty")
            }
            root = node
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError.syntax(error, file: path)
        }
        let base = (path as NSString).deletingLastPathComponent
        let top = YAMLValue(node: root, keyPath: "", file: path)
        var name: String?
        var definition = PipelineDefinition(
            name: "", file: path, dataFolder: "", inputPatterns: [:], encoding: nil, aliases: [:],
            calendar: ReportingCalendar(), creditCodeAllowList: [], storePath: "", reportsFolder: "",
            checks: [:], rules: [], chains: [], parks: [])
        var sawInput = false
        for (key, value) in try top.mapping(allowed: Self.topLevelKeys) {
            switch key {
            case "name":
                let text = try value.string()
                guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw value.error("expected a name of letters, digits, '-' or '_' (it becomes a folder name), found '\(text)'")
                }
                name = text
            case "input":
                sawInput = true
                try readInput(value, base: base, into: &definition)
            case "calendar":
                for (calendarKey, setting) in try value.mapping(allowed: ["combine_january_february"]) where calendarKey == "combine_january_february" {
                    definition.calendar = ReportingCalendar(combinesJanuaryFebruary: try setting.bool())
                }
            case "credit_code_allow_list":
                for item in try value.list() {
                    let text = try item.string()
                    guard case .success(let code) = CreditCode.parse(text, allowCheckFailure: true) else {
                        throw item.error("'\(text)' is not an 18-character credit code")
                    }
                    definition.creditCodeAllowList.insert(code)
                }
            case "store":
                definition.storePath = resolve(try value.string(), base: base)
            case "reports_folder":
                definition.reportsFolder = resolve(try value.string(), base: base)
            case "checks":
                for (id, settings) in try readChecks(value) { definition.checks[id] = settings }
            case "rules":
                try readRules(value, into: &definition)
            case "chains":
                definition.chains = try readChains(value)
            case "parks":
                definition.parks = try value.stringList()
            case "notify", "web_url":
                try readNotify(key, value, into: &definition)
            case "workflow":
                definition.workflow = try readWorkflow(value)
            default:
                break
            }
        }
        guard let name else { throw top.missingKey("name") }
        guard sawInput else { throw top.missingKey("input", " (folder and file patterns)") }
        definition.name = name
        if definition.storePath.isEmpty { definition.storePath = resolve("../Reports/store/\(name).sqlite", base: base) }
        if definition.reportsFolder.isEmpty { definition.reportsFolder = resolve("../Reports", base: base) }
        return definition
    }

    private func readInput(_ value: YAMLValue, base: String, into definition: inout PipelineDefinition) throws(ConfigError) {
        for (key, setting) in try value.mapping(allowed: Self.inputKeys) {
            switch key {
            case "folder":
                definition.dataFolder = resolve(try setting.string(), base: base)
            case "encoding":
                let text = try setting.string()
                if text.lowercased() != "auto" {
                    guard let encoding = TextEncoding(name: text) else {
                        throw setting.error("expected auto, utf-8 or gb18030, found '\(text)'")
                    }
                    definition.encoding = encoding
                }
            case "aliases":
                for (kindName, map) in try setting.mapping(allowed: FileKind.allCases.map(\.rawValue)) {
                    let kind = FileKind(rawValue: kindName)!
                    let names = kind.fields.map(\.name)
                    var aliases: [String: String] = [:]
                    for (header, fieldValue) in try map.mapping() {
                        let field = try fieldValue.string()
                        guard names.contains(field) else {
                            let hint = NearestName.suggestion(for: field, among: names).map { " Did you mean '\($0)'?" } ?? ""
                            throw fieldValue.error("'\(field)' is not a field of \(kindName).\(hint)")
                        }
                        aliases[header] = field
                    }
                    definition.aliases[kind] = aliases
                }
            default:
                let pattern = try setting.string()
                guard pattern.hasSuffix(".csv") || pattern.hasSuffix(".CSV") else {
                    throw setting.error("expected a CSV file pattern such as reports/reports_{YYYYMM}.csv, found '\(pattern)'")
                }
                if key == "regions" {
                    definition.regionsPattern = pattern
                } else {
                    definition.inputPatterns[FileKind(rawValue: key)!] = pattern
                }
            }
        }
        if definition.dataFolder.isEmpty { throw value.missingKey("folder") }
        for required in [FileKind.reports, .register] where definition.inputPatterns[required] == nil {
            throw value.missingKey(required.rawValue, " (its file pattern)")
        }
    }

    private func readChecks(_ value: YAMLValue) throws(ConfigError) -> [String: CheckSettings] {
        var result: [String: CheckSettings] = [:]
        let ruleIDs = knownChecks.keys.sorted()
        for (ruleID, entry) in try value.mapping() {
            guard knownChecks[ruleID] != nil else {
                let hint = NearestName.suggestion(for: ruleID, among: ruleIDs).map { " Did you mean '\($0)'?" } ?? ""
                throw entry.keyError("unknown check '\(ruleID)'.\(hint) Known checks: \(ruleIDs.joined(separator: ", "))")
            }
            result[ruleID] = try readCheckSettings(id: ruleID, entry)
        }
        return result
    }

    /// Reads one check's `enabled`, `severity` and thresholds; `others` are keys
    /// the caller reads itself (a `rules:` entry's `id`), allowed and skipped.
    func readCheckSettings(id ruleID: String, _ entry: YAMLValue, besides others: [String] = []) throws(ConfigError) -> CheckSettings {
        let descriptor = knownChecks[ruleID]!
        let parameterNames = descriptor.parameters.map(\.name)
        var settings = CheckSettings()
        for (key, setting) in try entry.mapping(allowed: others + ["enabled", "severity"] + parameterNames) where !others.contains(key) {
            switch key {
            case "enabled":
                settings.enabled = try setting.bool()
                if !settings.enabled && !descriptor.canBeDisabled {
                    throw setting.error("\(ruleID) is a structural rule and cannot be switched off")
                }
            case "severity":
                let text = try setting.string()
                guard let severity = Severity(rawValue: text) else {
                    throw setting.error("expected error, warning or info, found '\(text)'")
                }
                settings.severity = severity
            default:
                let parameter = descriptor.parameters.first { $0.name == key }!
                settings.parameters[key] = try setting.number(in: parameter.allowed)
            }
        }
        return settings
    }

    /// Reads `workflow:`: `carry_over_band`, the share a figure may move for a decision to hold.
    private func readWorkflow(_ value: YAMLValue) throws(ConfigError) -> WorkflowSettings {
        var settings = WorkflowSettings()
        for (key, setting) in try value.mapping(allowed: ["carry_over_band"]) where key == "carry_over_band" {
            settings.carryOverBand = try setting.number(in: WorkflowSettings.allowedBand)
        }
        return settings
    }

    private func readChains(_ value: YAMLValue) throws(ConfigError) -> [IndustryChain] {
        var chains: [IndustryChain] = []
        for (name, list) in try value.mapping() {
            var prefixes: [String] = []
            for item in try list.list() {
                let prefix = try item.string()
                guard (2...4).contains(prefix.count), prefix.allSatisfy(\.isASCII), prefix.allSatisfy(\.isNumber) else {
                    throw item.error("expected an industry code prefix of 2 to 4 digits such as '06' or '2521', found '\(prefix)'")
                }
                prefixes.append(prefix)
            }
            chains.append(IndustryChain(name: name, prefixes: prefixes))
        }
        return chains
    }

    /// `path` against the pipeline file's folder, with `..` and `.` folded: `Pipelines/../Reports` is `Reports`.
    private func resolve(_ path: String, base: String) -> String {
        if path.hasPrefix("/") { return path }
        let joined = base.isEmpty ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let folded = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? "/" + folded : (folded.isEmpty ? "." : folded)
    }
}
