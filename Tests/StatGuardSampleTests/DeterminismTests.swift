import Foundation
import Testing
@testable import StatGuardSample

@Suite struct DeterminismTests {
    @Test func sameSeedWritesTheSameBytes() throws {
        let first = SampleFixture.mixedDirty.0
        var again = first
        again.outputDirectory = SampleFixture.folder("mixed-dirty-again")
        _ = try SampleGenerator(again).run()
        let a = SampleFixture.digests(first.outputDirectory)
        let b = SampleFixture.digests(again.outputDirectory)
        #expect(a.count == 3 + 3 * first.writtenPeriods.count + 2)  // register, capacity, regions, 3 per period, labels, negatives
        #expect(a == b)
    }

    @Test func theDefaultVariationWritesWhatItAlwaysWrote() {
        // The digest of every file of the mixed, dirty fixture as the generator wrote it before
        // `--variation` existed (with regions.csv): the default must not churn SampleData/ or the golden reports' inputs.
        let digests = SampleFixture.digests(SampleFixture.mixedDirty.0.outputDirectory)
        let listing = digests.keys.sorted().map { "\($0) \(digests[$0]!)" }.joined(separator: "\n")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in listing.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        #expect(digests.count == 47)
        #expect(hash == 0x27CB_3C82_C230_E0BC)
    }

    @Test func mixedVariationIsDeterministicAndDiffers() throws {
        var first = SampleFixture.configuration("mixed-variation", encodings: .mixed, dirty: true)
        first.variation = .mixed
        _ = try SampleGenerator(first).run()
        var again = first
        again.outputDirectory = SampleFixture.folder("mixed-variation-again")
        _ = try SampleGenerator(again).run()
        let a = SampleFixture.digests(first.outputDirectory)
        #expect(a == SampleFixture.digests(again.outputDirectory))
        #expect(a["labels.csv"] != SampleFixture.digests(SampleFixture.mixedDirty.0.outputDirectory)["labels.csv"])
    }

    @Test func anotherSeedWritesOtherBytes() throws {
        let other = SampleFixture.configuration("other-seed", seed: 8, encodings: .mixed, dirty: true)
        _ = try SampleGenerator(other).run()
        let a = SampleFixture.digests(SampleFixture.mixedDirty.0.outputDirectory)
        let b = SampleFixture.digests(other.outputDirectory)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.allSatisfy { a[$0] != b[$0] })
    }

    @Test func seededRandomIsReproducible() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        var c = SeededRandom(seed: 43)
        let xs = (0..<100).map { _ in a.next() }
        #expect(xs == (0..<100).map { _ in b.next() })
        #expect(xs != (0..<100).map { _ in c.next() })
        var d = SeededRandom(seed: 42, stream: .noise, 3, 5)
        var e = SeededRandom(seed: 42, stream: .noise, 3, 5)
        #expect(d.uniform() == e.uniform())
        var u = SeededRandom(seed: 1)
        let values = (0..<10_000).map { _ in u.uniform() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / 10_000
        #expect(abs(mean - 0.5) < 0.02)
    }
}
