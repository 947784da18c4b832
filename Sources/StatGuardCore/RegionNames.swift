/// Names of region codes of any level (county `511703`, town `511703001`, village or the
/// full 12 digits), as the bureau keeps them from NBS's 统计用区划代码 table (contract 2.6).
///
/// Reports show a region as `达川区 511703`; a code without a name shows as the code alone,
/// and ``unnamed(_:)`` lists those so quality.md can say so once.
public struct RegionNames: Sendable, Equatable {
    public private(set) var names: [String: String] = [:]

    public init(_ names: [String: String] = [:]) {
        self.names = names
    }

    /// The name of exactly this code (6, 9 or 12 digits), or nil.
    public subscript(code: String) -> String? { names[code] }

    /// `达川区 511703`, or the code alone when it has no name.
    public func label(_ code: String) -> String {
        names[code].map { "\($0) \(code)" } ?? code
    }

    /// The name, or the code when it has none: for places that show one or the other.
    public func nameOrCode(_ code: String) -> String { names[code] ?? code }

    /// The codes among `codes` without a name, sorted, each once.
    public func unnamed(_ codes: some Sequence<String>) -> [String] {
        Set(codes.filter { !$0.isEmpty && names[$0] == nil }).sorted()
    }

    public var isEmpty: Bool { names.isEmpty }
}
