import Yams

extension ConfigError {
    /// A pipeline file that is not valid YAML, located where the YAML parser
    /// found the problem (`x.yaml:4:3: not valid YAML: …`), so the operator
    /// need not count lines.
    static func syntax(_ error: any Error, file: String) -> ConfigError {
        guard let yaml = error as? YamlError else {
            return ConfigError(file: file, line: 0, column: 0, keyPath: "", message: "not valid YAML: \(error)")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return ConfigError(file: file, line: mark.line, column: mark.column, keyPath: "", message: "not valid YAML: \(problem)\(during)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigError(
                file: file, line: context.mark.line, column: context.mark.column, keyPath: "",
                message: "not valid YAML: key \(keys) appears twice in the same mapping")
        case .reader(let problem, let offset, _, let text):
            guard let offset, offset <= text.count else {
                return ConfigError(file: file, line: 0, column: 0, keyPath: "", message: "not valid YAML: \(problem)")
            }
            let before = text.prefix(offset)
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return ConfigError(file: file, line: line, column: column, keyPath: "", message: "not valid YAML: \(problem)")
        default:
            return ConfigError(file: file, line: 0, column: 0, keyPath: "", message: "not valid YAML: \(yaml)")
        }
    }
}
