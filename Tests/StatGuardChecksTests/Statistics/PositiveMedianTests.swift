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
    /// The median as a sort gives it: the reference both selections must meet.
    private func sortedMedian(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    @Test func selectionAgreesWithSorting() {
        var state: UInt64 = 42
        for n in [1, 2, 3, 4, 5, 10, 11, 100, 1001, 4096] {
            var values = (0..<n).map { _ -> Double in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Double(state >> 40) / 1000
            }
            values += values.prefix(n / 3)  // ties
            let expected = sortedMedian(values)
            #expect(median(values) == expected, "n = \(n)")
            #expect(selectMedian(&values) == expected, "n = \(n)")
        }
        var constant = [Double](repeating: 7, count: 9)
        #expect(selectMedian(&constant) == 7)
    }

    @Test func medianWithNaNKeepsTheSortsAnswer() {
        let values: [Double] = [3, .nan, 1, 2]
        let got = median(values), expected = sortedMedian(values)
        #expect(got == expected || (got.isNaN && expected.isNaN))
        #expect(median([]).isNaN)
    }
}
