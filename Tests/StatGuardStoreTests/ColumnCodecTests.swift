import Foundation
import StatGuardCore
@testable import StatGuardStore
import StatGuardTestSupport
import Testing

/// Every column encoding reads back bit for bit, whatever the values, and a BLOB that is not a
/// column is refused, not trusted.
@Suite("Column codec")
struct ColumnCodecTests {
    static func decimalsRoundTrip(_ values: [Double]) throws -> [UInt64] {
        try ColumnDecoder.decimals(ColumnEncoder.decimals(values).data(), codec: .zstd).map(\.bitPattern)
    }

    @Test("decimal fractions scale to integers and read back to the same Doubles")
    func scaledDecimals() throws {
        let values: [Double] = [12345.6, 0.01, 0, .nan, 99_999_999.99, -4_321.5, 1.0 / 8, 7, 0.1 + 0.2 - 0.3 + 0.3]
        #expect(try Self.decimalsRoundTrip(values) == values.map(\.bitPattern))
        let body = ColumnEncoder.decimals([12345.6, .nan, 3]).data()
        #expect(body.first == ColumnLayout.decimals.rawValue)
    }

    @Test("values that do not scale exactly are kept as their bits: -0.0, ±∞, other NaNs, five digits, 2^60")
    func unscaledDecimals() throws {
        let odd = Double(bitPattern: Double.nan.bitPattern | 1)
        for extra: Double in [-0.0, .infinity, -.infinity, odd, 1.00001, 1.0 / 3, 1_152_921_504_606_846_976, .leastNonzeroMagnitude] {
            let values: [Double] = [1.5, .nan, extra, 2]
            #expect(try Self.decimalsRoundTrip(values) == values.map(\.bitPattern), "\(extra)")
            #expect(ColumnEncoder.decimals(values).data().first == ColumnLayout.words.rawValue, "\(extra)")
        }
    }

    @Test("empty and all-missing columns")
    func emptyColumns() throws {
        #expect(try Self.decimalsRoundTrip([]) == [])
        #expect(try Self.decimalsRoundTrip([.nan, .nan]) == [Double.nan.bitPattern, Double.nan.bitPattern])
        #expect(try ColumnDecoder.bytes(ColumnEncoder.bytes([]).data(), codec: .zstd) == [])
        #expect(try ColumnDecoder.integers(ColumnEncoder.integers([Int32](), delta: true).data(), codec: .zstd, as: Int32.self) == [])
        #expect(try ColumnDecoder.creditCodes(ColumnEncoder.creditCodes([]).data(), codec: .zstd) == [])
    }

    @Test("integers of every width, with missing values and as differences")
    func integers() throws {
        let wide: [UInt64] = [0, .max, 1 << 63, 510_402_001_001, 42]
        #expect(try ColumnDecoder.integers(ColumnEncoder.integers(wide).data(), codec: .zstd, as: UInt64.self) == wide)
        let periods: [Int32] = [24_290, .min, 24_291, .min, .max]
        #expect(try ColumnDecoder.integers(ColumnEncoder.integers(periods, missing: .min).data(), codec: .zstd, as: Int32.self, missing: .min) == periods)
        let ends = [3, 3, 9, 1_000_000, 1_000_001, 5]
        #expect(try ColumnDecoder.integers(ColumnEncoder.integers(ends, delta: true).data(), codec: .zstd, as: Int.self) == ends)
        let equal = [UInt16](repeating: 2521, count: 1000)
        #expect(try ColumnDecoder.integers(ColumnEncoder.integers(equal).data(), codec: .zstd, as: UInt16.self) == equal)
    }

    @Test("credit codes and bytes")
    func codesAndBytes() throws {
        let codes = try TestCodes.realValid.prefix(5).map { try CreditCode.parse($0).get() }
        #expect(try ColumnDecoder.creditCodes(ColumnEncoder.creditCodes(codes).data(), codec: .zstd) == codes)
        let text = Array("四川省内江市东兴区\"甜城\"机械厂\r\n".utf8)
        #expect(try ColumnDecoder.bytes(ColumnEncoder.bytes(text).data(), codec: .zstd) == text)
    }

    @Test("texts in one body: empty values, quotes, line breaks and Chinese byte for byte; an empty column")
    func texts() throws {
        let values = TextColumn(["", "四川省内江市\"甜城\"机械厂\r\n", "", "O01", "\u{0}\\", ""])
        #expect(try ColumnDecoder.texts(ColumnEncoder.texts(values).data(), codec: .zstd) == values)
        #expect(try ColumnDecoder.texts(ColumnEncoder.texts(TextColumn()).data(), codec: .zstd) == TextColumn())
        let same = TextColumn([String](repeating: "", count: 60_000))
        #expect(ColumnEncoder.texts(same).data().count < 64)
    }

    @Test("a text column whose ends do not match its bytes, or stored other than zstd, is refused")
    func malformedTexts() throws {
        var body: [UInt8] = []
        PackedIntegers(values: [2, 9], delta: true).write(to: &body)
        body += Array("abc".utf8)
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.texts(EncodedColumn(layout: .texts, body: body).data(), codec: .zstd) }
        var backwards: [UInt8] = []
        PackedIntegers(values: [3, 1, 3], delta: true).write(to: &backwards)
        backwards += Array("abc".utf8)
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.texts(EncodedColumn(layout: .texts, body: backwards).data(), codec: .zstd) }
        let texts = ColumnEncoder.texts(TextColumn(["a"])).data()
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.texts(texts, codec: .raw) }
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.texts(ColumnEncoder.bytes([1]).data(), codec: .zstd) }
    }

    @Test("a column stored against a base column's body reads back only with that body")
    func prefixed() throws {
        let names = (0..<2000).map { "四川省内江市第\($0)机械厂" }
        let base = ColumnEncoder.bytes(Array(names.joined().utf8))
        let column = ColumnEncoder.bytes(Array((names.dropFirst(3) + ["新厂"]).joined().utf8))
        let stored = column.data(prefix: base.body)
        #expect(stored.count < column.data().count / 4)
        #expect(try ColumnDecoder.bytes(stored, codec: .zstdPrefix, prefix: base.body) == column.body)
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.bytes(stored, codec: .zstdPrefix) }
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.bytes(stored, codec: .zstd) }
    }

    @Test("raw columns of stores before v5 decode as they are")
    func rawColumns() throws {
        let values: [Double] = [1.5, .nan, -0.0]
        #expect(try ColumnDecoder.decimals(ColumnBlob.encode(values), codec: .raw).map(\.bitPattern) == values.map(\.bitPattern))
        #expect(try ColumnDecoder.integers(ColumnBlob.encode([Int64(7), 9]), codec: .raw, as: Int64.self) == [7, 9])
    }

    @Test("a BLOB that is not a compressed column is refused")
    func malformed() throws {
        for blob in [Data(), Data([9, 1, 2]), Data([ColumnLayout.decimals.rawValue, 0x28, 0xB5, 0x2F, 0xFD, 0, 0])] {
            #expect(throws: ColumnCodecError.self) { try ColumnDecoder.decimals(blob, codec: .zstd) }
        }
        let truncated = ColumnEncoder.integers([Int64](0..<1000)).data().dropLast(3)
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.integers(Data(truncated), codec: .zstd, as: Int64.self) }
        #expect(throws: ColumnCodecError.self) { try ColumnDecoder.bytes(ColumnEncoder.integers([Int64(1)]).data(), codec: .zstd) }
    }
}
