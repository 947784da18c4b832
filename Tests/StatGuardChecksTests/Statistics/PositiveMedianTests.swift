import StatGuardChecks
import StatGuardTestSupport
import Testing

/// The allocation-free per-row median equals the plain one over the positive values.
@Suite struct PositiveMedianTests {
    @Test func matchesTheMedianOfThePositiveValues() {
        var random = SeededGenerator(seed: 11)
        let choices: [Double] = [.nan, 0, -3, 1, 2, 2, 5.5, 7, 100]
        for _ in 0..<2000 {
            let values = (0..<4).map { _ in choices.randomElement(using: &random)! }
            let positive = values.filter { $0 > 0 }
            let expected = positive.isEmpty ? Double.nan : median(positive)
            let got = positiveMedian(values[0], values[1], values[2], values[3])
            #expect(got == expected || (got.isNaN && expected.isNaN), "\(values)")
        }
    }
}
