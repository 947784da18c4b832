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

@Suite struct SelectMedianTests {
    @Test func selectionAgreesWithSorting() {
        var state: UInt64 = 42
        for n in [1, 2, 3, 4, 5, 10, 11, 100, 1001, 4096] {
            var values = (0..<n).map { _ -> Double in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Double(state >> 40) / 1000
            }
            values += values.prefix(n / 3)  // ties
            let expected = median(values)
            #expect(selectMedian(&values) == expected, "n = \(n)")
        }
        var constant = [Double](repeating: 7, count: 9)
        #expect(selectMedian(&constant) == 7)
    }
}
