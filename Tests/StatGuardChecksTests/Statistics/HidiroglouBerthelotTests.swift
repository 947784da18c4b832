import StatGuardChecks
import Testing

/// The HB edit and the quantile rules it names (DOMAIN.md worked example).
@Suite struct HidiroglouBerthelotTests {
    static let previous: [Double] = [100, 120, 80, 200, 150, 90, 110, 300, 95, 105]
    static let current: [Double] = [105, 118, 84, 450, 149, 30, 112, 310, 99, 104]

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    @Test func workedExampleWithTypeSevenQuartiles() {
        let outcome = HidiroglouBerthelot(u: 0.5, a: 0.05, c: 4, rule: .type7).apply(current: Self.current, previous: Self.previous)
        #expect(Self.rounded(outcome.lower) == -1.6413)
        #expect(Self.rounded(outcome.upper) == 0.7315)
        #expect(outcome.effects.indices.filter(outcome.isOutlier) == [3, 5])
    }

    @Test func workedExampleWithBanffQuartiles() {
        let outcome = HidiroglouBerthelot(u: 0.5, a: 0.05, c: 4, rule: .type6).apply(current: Self.current, previous: Self.previous)
        #expect(Self.rounded(outcome.lower) == -1.7489)
        #expect(Self.rounded(outcome.upper) == 0.8151)
        #expect(outcome.effects.indices.filter(outcome.isOutlier) == [3, 5])
    }

    @Test func defaultsAreTheDomainParameters() {
        let hb = HidiroglouBerthelot()
        #expect(hb.u == 0.5 && hb.a == 0.05 && hb.c == 4 && hb.rule == .type7)
    }

    @Test func effectsFollowTheFormula() {
        let outcome = HidiroglouBerthelot().apply(current: Self.current, previous: Self.previous)
        // Ratios 1.05 0.983 1.05 2.25 0.993 0.333 1.018 1.033 1.042 0.990: median (1.018 + 1.033) / 2.
        let rM = (112.0 / 110 + 310.0 / 300) / 2
        #expect(abs(outcome.medianRatio - rM) < 1e-12)
        let fourth = (450.0 / 200 / rM - 1) * 450.0.squareRoot()
        let sixth = (1 - rM / (30.0 / 90)) * 90.0.squareRoot()
        #expect(abs(outcome.effects[3] - fourth) < 1e-12)
        #expect(abs(outcome.effects[5] - sixth) < 1e-12)
    }

    @Test func wideWidthWidensTheBoundsFivefold() {
        let narrow = HidiroglouBerthelot(c: 4).apply(current: Self.current, previous: Self.previous)
        let wide = HidiroglouBerthelot(c: 20).apply(current: Self.current, previous: Self.previous)
        #expect(Self.rounded(wide.lower) == -8.3090)
        #expect(Self.rounded(wide.upper) == 3.5547)
        #expect(wide.upper - narrow.upper > 2.8)
        // 450 against 200 and 30 against 90 are far enough out for C = 20 too.
        #expect(wide.effects.indices.filter(wide.isOutlier) == [3, 5])
    }

    @Test func quantileRulesMatchR() {
        let sorted = (1...10).map(Double.init)
        // R: quantile(1:10, c(.25, .5, .75), type = 7) = 3.25 5.5 7.75; type = 6: 2.75 5.5 8.25.
        #expect(QuantileRule.type7.quantile(sorted, 0.25) == 3.25)
        #expect(QuantileRule.type7.quantile(sorted, 0.5) == 5.5)
        #expect(QuantileRule.type7.quantile(sorted, 0.75) == 7.75)
        #expect(QuantileRule.type6.quantile(sorted, 0.25) == 2.75)
        #expect(QuantileRule.type6.quantile(sorted, 0.5) == 5.5)
        #expect(QuantileRule.type6.quantile(sorted, 0.75) == 8.25)
        #expect(QuantileRule.type6.quantile(sorted, 0.01) == 1)
        #expect(QuantileRule.type6.quantile(sorted, 0.99) == 10)
        #expect(QuantileRule.type7.quantile([4], 0.25) == 4)
    }

    @Test func quantileRulesNameThemselves() {
        #expect(QuantileRule.type7.name.contains("type 7"))
        #expect(QuantileRule.type6.name.contains("(n+1)p"))
    }
}
