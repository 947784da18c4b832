@testable import StatGuardIngest
import StatGuardTestSupport
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

    /// Swift's own UTF-8 parser as the reference: where it first fails, and how many non-ASCII
    /// characters it decoded before. A failure that is only a sequence cut by the buffer's end is
    /// no error for the scan (it carries the bytes into the next chunk).
    private func reference(_ bytes: [UInt8]) -> (validPrefix: Int, invalidAt: Int?, multibyteCount: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, multibyte = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 { multibyte += 1 }
                offset += encoded.count
            case .emptyInput:
                return (offset, nil, multibyte)
            case .error:
                // A proper prefix of a valid sequence at the very end is a cut, not an error.
                let tail = Array(bytes[offset...])
                let completions: [[UInt8]] = [[0x80], [0x80, 0x80], [0x80, 0x80, 0x80], [0xA0, 0x80], [0x90, 0x80, 0x80]]
                let cut = tail.count < 4 && completions.contains { String(validating: tail + $0, as: UTF8.self) != nil }
                return (offset, cut ? nil : offset, multibyte)
            }
        }
    }

    @Test("agrees with Swift's UTF-8 parser on random text, mostly Chinese", arguments: [1, 2, 3, 4])
    func agreesWithSwiftsParser(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces: [[UInt8]] = ["统一社会信用代码", "有限公司", "𠮷", "é", "\u{FFFF}", "\u{E000}", "abc,", "1234.5\n"].map { Array($0.utf8) }
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) {
                switch random.next() % 10 {
                case 0: bytes.append(UInt8(truncatingIfNeeded: random.next()))  // any byte at all
                case 1:  // a three-byte lead with any two continuation bytes: overlongs and surrogates among them
                    bytes += [0xE0 + UInt8(random.next() % 16), 0x80 + UInt8(random.next() % 64), 0x80 + UInt8(random.next() % 64)]
                case 2: bytes.append(0x80 + UInt8(random.next() % 64))  // a stray continuation byte
                default: bytes += pieces[Int(random.next() % UInt64(pieces.count))]
                }
            }
            if random.next() % 4 == 0, !bytes.isEmpty { bytes.removeLast(Int(random.next() % UInt64(min(3, bytes.count))) + 1) }
            let got = scan(bytes), expected = reference(bytes)
            #expect(got.validPrefix == expected.validPrefix, "\(bytes)")
            #expect(got.invalidAt == expected.invalidAt, "\(bytes)")
            #expect(got.multibyteCount == expected.multibyteCount, "\(bytes)")
        }
    }

    @Test func newlinesAreCounted() {
        #expect(Array("a\nb\r\n\"c\nd\"\n".utf8).withUnsafeBytes { countNewlines($0) } == 4)
        #expect([UInt8]().withUnsafeBytes { countNewlines($0) } == 0)
    }
}
