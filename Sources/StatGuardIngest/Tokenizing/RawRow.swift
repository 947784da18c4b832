import StatGuardCore

/// One CSV record as the tokenizer delivers it, with the physical line it starts on.
///
/// A view into the tokenizer's reusable buffers: valid only inside the row
/// callback. Copy out what must outlive it.
public struct RawRow {
    /// The physical line (1-based) of the file where the record starts.
    public let line: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    /// Number of fields in the record.
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
