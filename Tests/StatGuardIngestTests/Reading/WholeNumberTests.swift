@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// The whole-number test of a count (employees), made without the C library's rounding call.
@Suite struct WholeNumberTests {
    @Test("agrees with rounding on the edges: halves, 2^52 and beyond, the extremes")
    func edges() {
        let values: [Double] = [
            0, -0.0, 0.5, -0.5, 1, 12.5, 12.0, 1e7, 9_999_999.5, 0x1p52, 0x1p52 - 0.5, -0x1p52 + 0.5, 0x1p53 + 2, 0x1p63, -0x1p63,
            1e300, -1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        ]
        for value in values { #expect(RowLoader.isWhole(value) == (value.rounded() == value), "\(value)") }
    }

    @Test("agrees with rounding on 200,000 finite doubles of every magnitude and sign")
    func randomValues() {
        var generator = SeededGenerator(seed: 52)
        var disagreements: [Double] = []
        var drawn = 0
        while drawn < 200_000 {
            // Random bit patterns cover every exponent; small integers and halves the usual cells.
            let value: Double = switch drawn % 3 {
            case 0: Double(bitPattern: generator.next())
            case 1: Double(Int64.random(in: -20_000_000...20_000_000, using: &generator))
            default: Double(Int64.random(in: -20_000_000...20_000_000, using: &generator)) / 4
            }
            guard value.isFinite else { continue }
            drawn += 1
            if RowLoader.isWhole(value) != (value.rounded() == value) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
