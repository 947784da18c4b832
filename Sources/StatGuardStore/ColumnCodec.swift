import Foundation
import StatGuardCore

/// How a stored column BLOB is encoded: the `codec` of its row in `period_column`
/// and `register_change_column` (added by the `v5-column-codec` migration).
///
/// Stores written before v5 hold ``raw`` BLOBs only and keep working: every reader
/// decodes by the row's codec, and a row without one is raw. Names, codes and lines
/// of a national period hardly change from month to month; they are stored against
/// an earlier period's (``zstdPrefix``), decimals on their own.
enum ColumnCodec: Int64, Sendable {
    /// Little-endian values end to end (``ColumnBlob``), as every store before v5 wrote them.
    case raw = 0
    /// A ``ColumnLayout`` byte, then one zstd frame of that layout's body.
    case zstd = 1
    /// As ``zstd``, compressed with the body of the same column of an earlier period (the row's
    /// `base`, itself ``zstd``) as zstd's prefix: what did not change since costs next to nothing.
    case zstdPrefix = 2

    /// The codec a stored row names.
    static func of(_ value: Int64) throws(ColumnCodecError) -> ColumnCodec {
        guard let codec = ColumnCodec(rawValue: value) else { throw .malformed("unknown codec \(value)") }
        return codec
    }
}

/// The body of a ``ColumnCodec/zstd`` column, before zstd.
enum ColumnLayout: UInt8 {
    /// The bytes as they are (UTF-8 text, one-digit codes).
    case bytes = 0
    /// ``PackedIntegers``.
    case integers = 1
    /// Decimals as scaled integers: the number of decimal digits d (0–4), then
    /// ``PackedIntegers`` of value × 10^d; `.nan` is the missing value.
    case decimals = 2
    /// Fixed-size words with their bytes transposed: word size, count, then one plane
    /// per byte of the word (credit codes; decimals that are not short decimal fractions).
    case words = 3
    /// A text column in one body: each value's end as ``PackedIntegers`` (differences), then
    /// the values' UTF-8 bytes end to end (the columns of `finding_column`).
    case texts = 4
}

/// Why a stored column could not be decoded.
enum ColumnCodecError: Error, CustomStringConvertible {
    case malformed(String)

    var description: String {
        switch self { case .malformed(let why): "malformed column: \(why)" }
    }
}
