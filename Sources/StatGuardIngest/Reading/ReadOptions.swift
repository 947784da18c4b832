import StatGuardCore

/// How to read contract files: what the pipeline file and command line decide.
public struct ReadOptions: Sendable {
    /// The load's period: rows of any other period fail S07. Nil: taken from
    /// the file name (`reports_202403.csv`) when it has one, else not checked.
    public var period: Period?
    /// A pinned encoding; nil detects it.
    public var encoding: TextEncoding?
    /// Extra header text → contract field name.
    public var aliases: [String: String]
    /// Credit codes accepted although their check characters fail (codes issued that way in practice).
    public var creditCodeAllowList: Set<CreditCode>
    /// The industry classification used by S03.
    public var catalog: IndustryCatalog
    /// Bytes read from disk at a time.
    public var chunkSize: Int
    /// Whether loaded rows are kept in the table. Off, only counts and the
    /// quarantine are kept, so memory does not grow with the file (`statguard check`).
    public var retainsRows = true
    /// Whether the file is decoded and tokenized on another core while this one types its rows
    /// (``CSVFileStream/readPipelined(batchBytes:onRow:)``): for one file read alone (`statguard check`).
    public var readsOnTwoCores = false

    public init(
        period: Period? = nil, encoding: TextEncoding? = nil, aliases: [String: String] = [:],
        creditCodeAllowList: Set<CreditCode> = [], catalog: IndustryCatalog = .standard, chunkSize: Int = 1 << 20
    ) {
        self.period = period
        self.encoding = encoding
        self.aliases = aliases
        self.creditCodeAllowList = creditCodeAllowList
        self.catalog = catalog
        self.chunkSize = chunkSize
    }
}
