import StatGuardChecks
import Testing

/// Median, scaled MAD and the selective-editing score.
@Suite struct RobustStatisticsTests {
    @Test func medianOfOddEvenAndEmpty() {
        #expect(median([3, 1, 2]) == 2)
        #expect(median([4, 1, 3, 2]) == 2.5)
        #expect(median([7]) == 7)
        #expect(median([]).isNaN)
    }

    @Test func scaledMADIsConsistentWithSigma() {
        // Deviations from the median 3: 2 1 0 1 97; their median 1; × 1.4826.
        let (center, scale) = medianAndScaledMAD([1, 2, 3, 4, 100])
        #expect(center == 3)
        #expect(scale == 1.4826)
        #expect(medianAndScaledMAD([5, 5, 5, 5]).scale == 0)
    }

    @Test func robustZIgnoresTheOutlierItMeasures() {
        let values = [10.0, 11, 9, 10.5, 9.5, 10.2, 9.8, 60]
        let (center, scale) = medianAndScaledMAD(values)
        #expect((60 - center) / scale > 50)
        #expect(abs((10.5 - center) / scale) < 1)
    }

    @Test func suspicionIsOneAtTheBoundAndGrowsWithTheExcess() {
        #expect(Scoring.suspicion(value: 1.35, bound: 1.35) == 1)
        #expect(Scoring.suspicion(value: 2, bound: 1.35) < Scoring.suspicion(value: 3, bound: 1.35))
        #expect(Scoring.suspicion(value: 0.3, bound: 0.6) == Scoring.suspicion(value: 2.4, bound: 1.2))
        #expect(Scoring.suspicion(value: 1e9, bound: 1) == 5)
        #expect(Scoring.suspicion(value: 0, bound: 0.6) == 5)
    }

    @Test func scoreIsNonNegativeAndWeighsTheCountyTotal() {
        #expect(Scoring.score(suspicion: 2, deviation: -500, total: 10_000) == 0.1)
        #expect(Scoring.score(suspicion: 2, deviation: 500, total: 10_000) == 0.1)
        #expect(Scoring.score(suspicion: 2, deviation: .nan, total: 10_000) == 0)
        #expect(Scoring.score(suspicion: 2, deviation: 500, total: 0) == 0)
        #expect(Scoring.score(suspicion: 2, deviation: 1000, total: 10_000) > Scoring.score(suspicion: 2, deviation: 500, total: 10_000))
    }
}
