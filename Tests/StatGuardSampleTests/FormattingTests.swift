import Testing
@testable import StatGuardSample

@Suite struct FormattingTests {
    func formatted(_ value: Double, _ decimals: Int) -> String {
        var buffer = ByteBuffer(capacity: 32)
        buffer.append(value, decimals: decimals)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    @Test func numbersAreWrittenAsTheyAreKept() {
        #expect(formatted(1234.56, 1) == "1234.6")
        #expect(formatted(0.05, 2) == "0.05")
        #expect(formatted(-3.04, 1) == "-3.0")
        #expect(formatted(-0.01, 1) == "0.0")
        #expect(formatted(7, 0) == "7")
        #expect(formatted(.nan, 1) == "")
        #expect(formatted(12_345_678.9, 1) == "12345678.9")
        let kept = rounded(2_718.2818, 1)
        #expect(formatted(kept, 1) == "2718.3" && kept == 2718.3)
    }

    @Test func digitsArePadded() {
        var buffer = ByteBuffer(capacity: 32)
        buffer.append(digits: 51_172_210_100, width: 12)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "051172210100")
    }
}
