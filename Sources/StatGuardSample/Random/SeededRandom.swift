import Foundation

/// A seeded xoshiro256** generator: the same seed gives the same numbers on every
/// machine and every run, which the system generator never promises.
///
/// Seeded through SplitMix64 (Vigna's recommendation), so nearby seeds give
/// unrelated streams. ``init(seed:stream:_:)`` derives an independent stream for
/// one purpose and one index, e.g. the noise of enterprise 17 in period 24, so
/// a value does not depend on the order in which others are drawn.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    private var spareNormal: Double?

    /// A generator seeded with `seed`.
    public init(seed: UInt64) {
        var sm = seed
        s0 = Self.splitMix(&sm)
        s1 = Self.splitMix(&sm)
        s2 = Self.splitMix(&sm)
        s3 = Self.splitMix(&sm)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// An independent stream for `purpose` and the indices `a`, `b`.
    public init(seed: UInt64, stream purpose: Stream, _ a: Int = 0, _ b: Int = 0) {
        self.init(seed: Self.mix(seed, purpose.rawValue, UInt64(bitPattern: Int64(a)), UInt64(bitPattern: Int64(b))))
    }

    /// What a derived stream is used for; each purpose gets its own numbers.
    public enum Stream: UInt64, Sendable {
        case geography = 1, population, codes, names, noise, anomalies, negatives, structure, styles, admin, products, variation
    }

    /// SplitMix64 step.
    @inline(__always)
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hashes several words into one seed.
    static func mix(_ words: UInt64...) -> UInt64 {
        var state: UInt64 = 0x6A09_E667_F3BC_C908
        var out: UInt64 = 0
        for w in words {
            state ^= w
            out = splitMix(&state)
            state = out
        }
        return out
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1).
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [low, high).
    @inline(__always)
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Uniform integer in `0..<n` (n > 0).
    @inline(__always)
    public mutating func int(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(range.count)
    }

    /// True with probability `p`.
    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal (Box-Muller; the second value of each pair is kept for the next call).
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u = uniform()
        while u <= 1e-300 { u = uniform() }
        let v = uniform()
        let r = (-2 * log(u)).squareRoot()
        let angle = 2 * Double.pi * v
        spareNormal = r * sin(angle)
        return r * cos(angle)
    }

    /// Normal with mean `mean` and standard deviation `sd`.
    public mutating func normal(_ mean: Double, _ sd: Double) -> Double { mean + sd * normal() }

    /// exp(N(mu, sigma)).
    public mutating func logNormal(mu: Double, sigma: Double) -> Double { exp(mu + sigma * normal()) }

    /// A multiplicative noise factor exp(N(0, sd)), cut at ±3 sd.
    public mutating func noise(_ sd: Double) -> Double {
        let z = max(-3, min(3, normal()))
        return exp(sd * z)
    }

    /// An index drawn with probability proportional to `weights` (all ≥ 0, sum > 0).
    public mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = uniform() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// An element of a non-empty array.
    public mutating func element<T>(of array: [T]) -> T { array[int(array.count)] }

    /// Shuffles `array` in place (Fisher-Yates with this generator).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, int(i + 1))
        }
    }
}
