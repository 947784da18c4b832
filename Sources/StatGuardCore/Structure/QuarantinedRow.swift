/// An input row that was not loaded, kept verbatim with why (data contract 3.2).
public struct QuarantinedRow: Sendable, Equatable {
    /// The file the row came from, as given.
    public var sourceFile: String
    /// The physical line (1-based) where the row starts.
    public var line: Int
    /// The first structural rule the row failed.
    public var rule: StructureRule
    /// Every failure, each naming the column and the value.
    public var reason: String
    /// All the row's original cells.
    public var cells: [String]

    public init(sourceFile: String, line: Int, rule: StructureRule, reason: String, cells: [String]) {
        self.sourceFile = sourceFile
        self.line = line
        self.rule = rule
        self.reason = reason
        self.cells = cells
    }
}
