/// One figure an enterprise changed when its period was loaded again (a resubmission):
/// a line of the store's revision log. Corrections stay on record.
public struct FigureRevision: Sendable, Equatable {
    public var period: Period
    public var creditCode: CreditCode
    /// The contract field, e.g. `gross_output`.
    public var field: String
    /// The figure before and after (NaN: blank).
    public var old: Double
    public var new: Double
    /// When the revised file was loaded, as ISO 8601 in UTC.
    public var at: String
    /// SHA-256 of the reports file the new figure came from.
    public var fileSHA256: String

    public init(period: Period, creditCode: CreditCode, field: String, old: Double, new: Double, at: String, fileSHA256: String) {
        self.period = period
        self.creditCode = creditCode
        self.field = field
        self.old = old
        self.new = new
        self.at = at
        self.fileSHA256 = fileSHA256
    }
}
