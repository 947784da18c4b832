import Foundation

/// The Hidiroglou-Berthelot (1986) edit for period-to-period ratios.
///
/// r_i = x_i(t)/x_i(t−12); r_M = median r; s_i = 1 − r_M/r_i if r_i < r_M,
/// else r_i/r_M − 1; E_i = s_i · max(x_i(t), x_i(t−12))^U; with quartiles E_Q1,
/// E_M, E_Q3: d_Q1 = max(E_M − E_Q1, |A·E_M|), d_Q3 = max(E_Q3 − E_M, |A·E_M|);
/// unit i is an outlier when E_i < E_M − C·d_Q1 or E_i > E_M + C·d_Q3.
/// Units need positive current and previous values. As in R's `univOutl::HBmethod`.
public struct HidiroglouBerthelot: Sendable {
    public var u = 0.5
    public var a = 0.05
    public var c = 4.0
    public var rule = QuantileRule.type7

    public init(u: Double = 0.5, a: Double = 0.05, c: Double = 4.0, rule: QuantileRule = .type7) {
        self.u = u
        self.a = a
        self.c = c
        self.rule = rule
    }

    /// The effects E_i and the acceptance interval.
    public struct Outcome: Sendable {
        public var effects: [Double]
        public var ratios: [Double]
        public var medianRatio: Double
        /// E_M, the median effect the interval is centred on.
        public var effectMedian: Double
        public var lower: Double
        public var upper: Double

        /// Whether unit `i` lies outside the interval.
        public func isOutlier(_ i: Int) -> Bool { effects[i] < lower || effects[i] > upper }

        /// How far unit `i` lies from E_M relative to the width allowed on its side:
        /// 1 at either bound, above 1 outside (for scores; effects and the lower bound are negative below E_M).
        public func excess(_ i: Int) -> Double {
            let bound = effects[i] < effectMedian ? lower : upper
            let allowed = abs(bound - effectMedian)
            return allowed > 0 ? abs(effects[i] - effectMedian) / allowed : .infinity
        }
    }

    /// Applies the edit to units with `current[i]` and `previous[i]` both > 0 (callers filter).
    public func apply(current: [Double], previous: [Double]) -> Outcome {
        let ratios = zip(current, previous).map { $0 / $1 }
        let rM = median(ratios)
        let effects = ratios.indices.map { i -> Double in
            let r = ratios[i]
            let s = r < rM ? 1 - rM / r : r / rM - 1
            return s * pow(max(current[i], previous[i]), u)
        }
        let sorted = effects.sorted()
        let q1 = rule.quantile(sorted, 0.25)
        let eM = rule.quantile(sorted, 0.5)
        let q3 = rule.quantile(sorted, 0.75)
        let dQ1 = max(eM - q1, abs(a * eM))
        let dQ3 = max(q3 - eM, abs(a * eM))
        return Outcome(effects: effects, ratios: ratios, medianRatio: rM, effectMedian: eM, lower: eM - c * dQ1, upper: eM + c * dQ3)
    }
}
