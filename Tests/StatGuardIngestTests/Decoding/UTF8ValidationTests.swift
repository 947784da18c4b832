@testable import StatGuardIngest
import Testing

/// Well-formed UTF-8 (RFC 3629) and cut-off sequences at chunk ends.
@Suite struct UTF8ValidationTests {
    func scan(_ bytes: [UInt8]) -> UTF8Scan {
        bytes.withUnsafeBytes { scanUTF8($0) }
    }

    @Test func validTextIsWhollyValid() {
        let text = Array("统一社会信用代码,name,１２３,𠮷\n".utf8)
        let result = scan(text)
        #expect(result.validPrefix == text.count)
        #expect(result.invalidAt == nil)
        #expect(result.multibyteCount == 8 + 3 + 1)
    }

    @Test func longASCIIRunsUseTheFastPathAndStillFindTheBadByte() {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: 37)
        bytes[29] = 0xFF
        let result = scan(bytes)
        #expect(result.invalidAt == 29)
        #expect(result.validPrefix == 29)
    }

    @Test("malformed sequences", arguments: [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE5, 0x41, 0x41], [0xFF, 0xFF],
    ] as [[UInt8]])
    func malformed(_ sequence: [UInt8]) {
        let result = scan([0x61, 0x62] + sequence + [0x63])
        #expect(result.invalidAt == 2)
        #expect(result.validPrefix == 2)
    }

    @Test func aSequenceCutByTheChunkEndIsNotAnError() {
        let year = Array("年".utf8)  // E5 B9 B4
        for cut in 1..<year.count {
            let result = scan([0x32, 0x30] + year.prefix(cut))
            #expect(result.invalidAt == nil)
            #expect(result.validPrefix == 2)
        }
    }

    @Test func newlinesAreCounted() {
        #expect(Array("a\nb\r\n\"c\nd\"\n".utf8).withUnsafeBytes { countNewlines($0) } == 4)
        #expect([UInt8]().withUnsafeBytes { countNewlines($0) } == 0)
    }
}
