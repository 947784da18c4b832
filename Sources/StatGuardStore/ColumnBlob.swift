import Foundation
import StatGuardCore

/// Fixed-width values as little-endian bytes end to end: the ``ColumnCodec/raw`` BLOBs
/// of stores written before v5, and the raw form the content digest reads every
/// column in, whatever its codec. One `memcpy` each way.
enum ColumnBlob {
    static func encode<T: BitwiseCopyable>(_ values: [T]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }

    static func decode<T: BitwiseCopyable>(_ data: Data, as type: T.Type) -> [T] {
        let count = data.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                if count > 0 { memcpy(buffer.baseAddress!, raw.baseAddress!, count * MemoryLayout<T>.stride) }
            }
            initialized = count
        }
    }

    static func encode(_ codes: [CreditCode]) -> Data {
        var words: [UInt64] = []
        words.reserveCapacity(codes.count * 2)
        for code in codes { words.append(code.high); words.append(code.low) }
        return encode(words)
    }

    static func decodeCreditCodes(_ data: Data) -> [CreditCode] {
        let words = decode(data, as: UInt64.self)
        return (0..<(words.count / 2)).map { CreditCode(high: words[2 * $0], low: words[2 * $0 + 1]) }
    }
}
