import StatGuardCore

/// One CSV record as the tokenizer delivers it, with the physical lines it spans.
///
/// A view into the tokenizer's reusable buffers: valid only inside the row
/// callback. Copy out what must outlive it.
public struct RawRow {
    /// The physical line (1-based) of the file where the record starts.
    public let line: Int
    /// How many physical lines the record spans (more than one when a quoted field holds line breaks).
    public let lineCount: Int
    /// Why the record could not be read as it stands, or nil for a well-formed record.
    public let problem: RecordProblem?
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    init(line: Int, lineCount: Int, problem: RecordProblem? = nil, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        self.line = line
        self.lineCount = lineCount
        self.problem = problem
        self.bytes = bytes
        self.ends = ends
    }

    /// Number of fields in the record (those kept, for a record with a ``problem``).
    public var count: Int { ends.count }

    /// The UTF-8 bytes of field `index`.
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Field `index` as a string (allocates: for headers and failures, not the hot path).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Every field as a string (allocates).
    public var strings: [String] { (0..<count).map(string) }

    /// Whether every field is empty (a row of only commas, as spreadsheets leave).
    public var isBlank: Bool { bytes.isEmpty }
}

/// Why a record could not be tokenized as it stands. Its row is quarantined (rule S11).
public enum RecordProblem: Sendable, Equatable {
    /// A quoted field opened in `column` (0-based) never closes where it should.
    ///
    /// With `runsIntoNextLines`, the field ran past its line end into lines that
    /// read as records of their own: the record was cut at that line end and
    /// the lines after it were read as records. Without, the file ends inside it.
    case unclosedQuote(column: Int, runsIntoNextLines: Bool)
    /// The record has more than ``CSVTokenizer/maximumRecordBytes`` bytes or
    /// ``CSVTokenizer/maximumRecordCells`` cells: only its first
    /// ``CSVTokenizer/keptBytesOfLongRecord`` bytes are kept, as cells.
    case tooLong(bytes: Int, cells: Int)
}
