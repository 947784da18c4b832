/// A pipeline file that cannot be used, located to the line and column.
///
/// Raised before any data is read. Its ``description`` reads
/// `Pipelines/x.yaml:12:5: checks.O01.high_ratio: expected a number in 1...100, found 'abc'`.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public let file: String
    /// 1-based line, or 0 when the problem has no place in the file (it cannot be read at all).
    public let line: Int
    public let column: Int
    /// The key path of the offending value, e.g. `checks.O01.high_ratio`.
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int, column: Int, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return keyPath.isEmpty ? "\(place): \(message)" : "\(place): \(keyPath): \(message)"
    }
}
