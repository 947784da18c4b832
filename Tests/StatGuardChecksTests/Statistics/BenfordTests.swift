import Foundation
import StatGuardChecks
import StatGuardTestSupport
import Testing

/// Benford's law with Nigrini's MAD bands.
@Suite struct BenfordTests {
    /// `n` values 10^U, U uniform on [1, 6): exactly Benford-distributed significands.
    static func benfordSample(_ n: Int, seed: UInt64) -> [Double] {
        var random = SeededGenerator(seed: seed)
        return (0..<n).map { _ in pow(10, Double.random(in: 1..<6, using: &random)) }
    }

    /// `n` values whose significand is uniform on [1, 10): every leading digit equally likely.
    static func uniformSample(_ n: Int, seed: UInt64) -> [Double] {
        var random = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Double.random(in: 1..<10, using: &random) * pow(10, Double(Int.random(in: 1...4, using: &random))) }
    }

    @Test func expectedProportionsSumToOne() {
        #expect(Benford.expectedFirstTwo.count == 90)
        #expect(abs(Benford.expectedFirstTwo.reduce(0, +) - 1) < 1e-12)
        #expect(abs(Benford.expectedFirstTwo[0] - log10(1 + 1.0 / 10)) < 1e-15)
        #expect(Benford.expectedFirstDigit.count == 9)
        #expect(abs(Benford.expectedFirstDigit.reduce(0, +) - 1) < 1e-12)
        #expect(abs(Benford.expectedFirstDigit[0] - 0.30103) < 1e-5)
    }

    @Test func leadingDigitsOfValues() {
        #expect(Benford.firstTwoDigits(1234) == 12)
        #expect(Benford.firstTwoDigits(10) == 10)
        #expect(Benford.firstTwoDigits(99.99) == 99)
        #expect(Benford.firstTwoDigits(9.99) == nil)
        #expect(Benford.firstTwoDigits(.infinity) == nil)
        #expect(Benford.firstDigit(0.0452) == 4)
        #expect(Benford.firstDigit(7) == 7)
        #expect(Benford.firstDigit(98_000) == 9)
        #expect(Benford.firstDigit(0) == nil)
        #expect(Benford.firstDigit(-3) == nil)
    }

    @Test func benfordSampleConformsOnFirstDigits() {
        let (mad, count) = Benford.firstDigitMAD(Self.benfordSample(2000, seed: 7))
        #expect(count == 2000)
        #expect([.close, .acceptable].contains(Benford.Conformity.firstDigit(mad: mad)), "MAD \(mad)")
    }

    @Test func benfordSampleConformsOnFirstTwoDigits() {
        let (mad, count) = Benford.firstTwoDigitMAD(Self.benfordSample(20000, seed: 11))
        #expect(count == 20000)
        #expect(Benford.Conformity.firstTwoDigits(mad: mad) == .close, "MAD \(mad)")
    }

    @Test func uniformLeadingDigitsAreNonconforming() {
        let sample = Self.uniformSample(5000, seed: 13)
        #expect(Benford.Conformity.firstDigit(mad: Benford.firstDigitMAD(sample).mad) == .nonconforming)
        #expect(Benford.Conformity.firstTwoDigits(mad: Benford.firstTwoDigitMAD(sample).mad) == .nonconforming)
    }

    @Test func valuesBelowTenAreNotCountedForTwoDigits() {
        let (mad, count) = Benford.firstTwoDigitMAD([1, 5, 9.9])
        #expect(count == 0)
        #expect(mad.isNaN)
    }

    @Test func nigriniFirstTwoDigitBandEdges() {
        #expect(Benford.Conformity.firstTwoDigits(mad: 0.0012) == .close)
        #expect(Benford.Conformity.firstTwoDigits(mad: 0.00121) == .acceptable)
        #expect(Benford.Conformity.firstTwoDigits(mad: 0.0018) == .acceptable)
        #expect(Benford.Conformity.firstTwoDigits(mad: 0.00181) == .marginal)
        #expect(Benford.Conformity.firstTwoDigits(mad: 0.0022) == .marginal)
        #expect(Benford.Conformity.firstTwoDigits(mad: 0.00221) == .nonconforming)
    }

    @Test func nigriniFirstDigitBandEdges() {
        #expect(Benford.Conformity.firstDigit(mad: 0.006) == .close)
        #expect(Benford.Conformity.firstDigit(mad: 0.0061) == .acceptable)
        #expect(Benford.Conformity.firstDigit(mad: 0.012) == .acceptable)
        #expect(Benford.Conformity.firstDigit(mad: 0.0121) == .marginal)
        #expect(Benford.Conformity.firstDigit(mad: 0.015) == .marginal)
        #expect(Benford.Conformity.firstDigit(mad: 0.0151) == .nonconforming)
    }

    @Test func madOfASmallConformingSampleIsMostlySamplingNoise() {
        // The MAD of n genuinely Benford values is about Σ√(2p(1−p)/(πn)) / 90: 0.0046 for
        // n = 300, above Nigrini's 0.0022 although nothing is wrong. Its excess over that is small.
        #expect(abs(Benford.expectedFirstTwoDigitMAD(count: 300) - 0.00458) < 0.00001)
        #expect(abs(Benford.expectedFirstTwoDigitMAD(count: 600) - 0.00324) < 0.00001)
        #expect(Benford.expectedFirstTwoDigitMAD(count: 20000) < 0.0006)
        for seed in 1...5 as ClosedRange<UInt64> {
            let sample = Self.benfordSample(600, seed: seed)
            let mad = Benford.firstTwoDigitMAD(sample).mad
            #expect(mad > 0.0022, "raw MAD \(mad) is nonconforming by Nigrini's large-sample bands")
            #expect(abs(mad - Benford.expectedFirstTwoDigitMAD(count: 600)) < 0.001, "excess \(mad - 0.00324)")
        }
        let uniform = Self.uniformSample(600, seed: 3)
        #expect(Benford.firstTwoDigitMAD(uniform).mad - Benford.expectedFirstTwoDigitMAD(count: 600) > 0.0022)
    }
}
