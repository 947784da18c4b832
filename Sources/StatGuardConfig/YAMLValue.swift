import StatGuardCore
import Yams

/// A node of the pipeline file together with its key path, for reading typed
/// values with errors that say where and what was expected.
struct YAMLValue {
    let node: Node
    let keyPath: String
    let file: String
    /// Where the key naming this value stands (nil for the root and list items).
    var keyMark: Mark? = nil

    /// An error about the value, located at the value.
    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, keyPath: keyPath, message: message)
    }

    /// An error about the key naming the value (an unknown rule id), located at the key.
    func keyError(_ message: String) -> ConfigError {
        let mark = keyMark ?? node.mark
        return ConfigError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, keyPath: keyPath, message: message)
    }

    /// The error for a required key missing from this mapping: located at the mapping, with the missing key's path.
    func missingKey(_ key: String, _ detail: String = "") -> ConfigError {
        ConfigError(
            file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
            keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)", message: "the key '\(key)' is required\(detail)")
    }

    private func child(_ key: String, _ node: Node, keyMark: Mark? = nil) -> YAMLValue {
        YAMLValue(
            node: node, keyPath: keyPath.isEmpty || key.hasPrefix("[") ? keyPath + key : "\(keyPath).\(key)", file: file,
            keyMark: keyMark)
    }

    private var found: String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The entries of a mapping, refusing keys outside `allowed` (nil: any key) with the nearest known key.
    func mapping(allowed: [String]? = nil) throws(ConfigError) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, found \(found)") }
        var seen: Set<String> = []
        var entries: [(key: String, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let value = child(key, valueNode, keyMark: keyNode.mark)
            if let allowed, !allowed.contains(key) {
                let hint = NearestName.suggestion(for: key, among: allowed).map { " Did you mean '\($0)'?" } ?? ""
                throw YAMLValue(node: keyNode, keyPath: value.keyPath, file: file)
                    .error("unknown key '\(key)'.\(hint) Known keys: \(allowed.joined(separator: ", "))")
            }
            if !seen.insert(key).inserted {
                throw YAMLValue(node: keyNode, keyPath: value.keyPath, file: file).error("key '\(key)' appears twice")
            }
            entries.append((key, value))
        }
        return entries
    }

    func string() throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text, found \(found)") }
        return scalar.string
    }

    func bool() throws(ConfigError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false, found \(found)") }
        return value
    }

    func number(in allowed: ClosedRange<Double>) throws(ConfigError) -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init) else {
            throw error("expected a number in \(allowed.lowerBound)...\(allowed.upperBound), found \(found)")
        }
        guard allowed.contains(value) else {
            throw error("\(value) is outside the allowed range \(allowed.lowerBound)...\(allowed.upperBound)")
        }
        return value
    }

    func list() throws(ConfigError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, found \(found)") }
        return sequence.enumerated().map { child("[\($0.offset)]", $0.element) }
    }

    func stringList() throws(ConfigError) -> [String] {
        var result: [String] = []
        for item in try list() { result.append(try item.string()) }
        return result
    }
}
