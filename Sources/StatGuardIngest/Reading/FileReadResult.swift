import StatGuardCore

/// Everything reading one contract file produced.
///
/// Invariant: ``rowsRead`` = ``rowsLoaded`` + `quarantined.count`.
public struct FileReadResult: Sendable {
    /// The file's path as given.
    public var file: String
    public var kind: FileKind
    /// The loaded rows, column by column (empty when ``ReadOptions/retainsRows`` is off).
    public var table: ColumnTable
    /// The rows that failed a structural rule, in file order.
    public var quarantined: [QuarantinedRow]
    /// Data rows read (the header and blank rows not counted).
    public var rowsRead: Int
    /// Data rows loaded (also counted when the table does not keep them).
    public var rowsLoaded: Int
    public var notices: [FileNotice]
    /// Bytes, encoding and byte-order mark.
    public var stream: StreamSummary
    /// The period rows were checked against (S07), if any.
    public var period: Period?


    /// Quarantined rows per rule, for summaries.
    public var quarantineCounts: [StructureRule: Int] {
        quarantined.reduce(into: [:]) { $0[$1.rule, default: 0] += 1 }
    }
}
