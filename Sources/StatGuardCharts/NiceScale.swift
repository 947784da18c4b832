import StatGuardCore

/// An axis scale with round tick values, after Heckbert ("Nice numbers for graph
/// labels", Graphics Gems, 1990): steps of 1, 2, 2.5 or 5 × 10^k, bounds on a step,
/// the smallest such step that needs no more than `maxTicks` ticks.
///
/// Never traps: non-finite inputs are ignored, magnitudes are clamped to
/// ±10^300, an empty or all-equal range is widened, and there are at most
/// `maxTicks` + a few ticks however odd the data.
struct NiceScale: Equatable {
    var lower: Double
    var upper: Double
    var step: Double
    /// Decimals that show every tick exactly.
    var decimals: Int

    static let limit = 1e300

    /// - Parameters:
    ///   - values: the data; NaN and infinities are skipped.
    ///   - includeZero: whether the axis must reach zero (bars, levels).
    ///   - domain: bounds the axis must cover even without data (e.g. 0...100 for a rate).
    ///   - integral: whether ticks must be whole numbers (counts).
    init(values: [Double], includeZero: Bool, domain: ClosedRange<Double>? = nil, integral: Bool = false, maxTicks: Int = 7) {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            let c = min(max(v, -Self.limit), Self.limit)
            low = min(low, c)
            high = max(high, c)
        }
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite {
            low = min(low, domain.lowerBound)
            high = max(high, domain.upperBound)
        }
        if low > high { (low, high) = (0, 1) }  // no data
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        let magnitude = max(abs(low), abs(high))
        if high - low <= magnitude * 1e-9 {
            // All equal (or equal within the precision of a double): widen around the value.
            if magnitude == 0 {
                (low, high) = (0, 1)
            } else {
                let pad = magnitude * 0.1
                (low, high) = (includeZero && low >= 0 ? 0 : low - pad, includeZero && high <= 0 ? 0 : high + pad)
            }
        }
        let step = Self.step(low: low, high: high, maxIntervals: max(maxTicks - 1, 1), integral: integral)
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        if upper <= lower { upper = lower + step }
        self.step = step
        decimals = integral ? 0 : Self.decimals(step)
    }

    /// The tick values from ``lower`` to ``upper``; values within a step's billionth of zero are zero.
    var ticks: [Double] {
        let count = min(((upper - lower) / step).rounded(), 50).clampedInt ?? 1
        return (0...max(count, 1)).map { i in
            let t = lower + Double(i) * step
            return abs(t) < step * 1e-9 ? 0 : t
        }
    }

    /// `value`'s position between `from` (at ``lower``) and `to` (at ``upper``), clamped to that span.
    func position(_ value: Double, from: Double, to: Double) -> Double {
        let v = min(max(value.isFinite ? value : 0, lower), upper)
        return from + (v - lower) / (upper - lower) * (to - from)
    }

    /// The smallest step of 1, 2, 2.5 or 5 × 10^k that covers `low...high` in at most
    /// `maxIntervals` intervals with bounds on a step (2.5 only where whole numbers are not required
    /// or it is a whole number), so the axis wastes little room past the data.
    static func step(low: Double, high: Double, maxIntervals: Int, integral: Bool) -> Double {
        let rough = (high - low) / Double(maxIntervals)
        guard rough.isFinite, rough > 0 else { return 1 }
        var exponent = 0
        var fraction = rough
        while fraction >= 10 { fraction /= 10; exponent += 1 }
        while fraction < 1 { fraction *= 10; exponent -= 1 }
        for k in exponent...(exponent + 2) {
            let unit = ChartNumber.power10(k)
            for multiple in [1, 2, 2.5, 5] {
                let step = multiple * unit
                if integral && step.rounded() != step { continue }
                let intervals = (high / step).rounded(.up) - (low / step).rounded(.down)
                if intervals <= Double(maxIntervals) { return step }
            }
        }
        return 10 * ChartNumber.power10(exponent + 2)
    }

    /// The fewest decimals (0...6) that print `step`'s multiples exactly.
    static func decimals(_ step: Double) -> Int {
        var scaled = step
        for places in 0...6 {
            if abs(scaled - scaled.rounded()) <= 1e-9 * max(scaled, 1) { return places }
            scaled *= 10
        }
        return 6
    }
}
