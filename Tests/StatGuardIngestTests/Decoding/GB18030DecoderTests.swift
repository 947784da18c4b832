@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// glibc iconv GB18030 → UTF-8, chunk by chunk.
@Suite struct GB18030DecoderTests {
    func decode(_ input: [UInt8]) -> Result<(consumed: Int, text: String), GB18030Decoder.Failure> {
        let decoder = GB18030Decoder()
        var output = [UInt8](repeating: 0, count: 2 * input.count + 8)
        var outcome: Result<(consumed: Int, written: Int), GB18030Decoder.Failure> = .success((0, 0))
        input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                do throws(GB18030Decoder.Failure) {
                    outcome = .success(try decoder.decode(source, into: target))
                } catch {
                    outcome = .failure(error)
                }
            }
        }
        return outcome.map { ($0.consumed, String(decoding: output.prefix($0.written), as: UTF8.self)) }
    }

    @Test func decodesTwoAndFourByteCharacters() throws {
        let text = "统一社会信用代码,𠮷,１２,a"
        let bytes = FixtureBytes.gb18030(text)
        let result = try decode(bytes).get()
        #expect(result.consumed == bytes.count)
        #expect(result.text == text)
    }

    @Test func leavesAnIncompleteCharacterForTheNextChunk() throws {
        let bytes = FixtureBytes.gb18030("北京𠮷")
        #expect(bytes.count == 2 + 2 + 4)
        for cut in [3, 5, 6, 7] {
            let result = try decode(Array(bytes.prefix(cut))).get()
            #expect(result.consumed == (cut < 4 ? 2 : 4), "cut \(cut)")
            #expect(result.text == (cut < 4 ? "北" : "北京"))
        }
    }

    @Test func reportsTheOffsetOfInvalidBytes() {
        let bytes = Array("ab".utf8) + [0xFF, 0xFF] + Array("c".utf8)
        switch decode(bytes) {
        case .success: Issue.record("0xFF 0xFF decoded as GB18030")
        case .failure(.invalidSequence(let offset, _)): #expect(offset == 2)
        }
    }
}
