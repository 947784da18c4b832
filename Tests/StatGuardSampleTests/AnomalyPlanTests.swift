import Foundation
import StatGuardCore
import Testing
@testable import StatGuardSample

@Suite struct AnomalyPlanTests {
    /// Every kind gets the configured number of events, and single-period kinds one label row each.
    @Test func labelCountsFollowTheConfiguration() throws {
        var configuration = SampleFixture.configuration("counts", seed: 11, dirty: true, enterprises: 150)
        var counts = AnomalyCounts()
        for kind in AnomalyKind.allCases { counts.fixed[kind] = kind.isRegionLevel ? 1 : 2 }
        counts.fixed[.duplicateBundling] = 1
        counts.fixedMaintenanceShutdowns = 2
        counts.fixedNewLines = 2
        configuration.anomalies = counts
        let summary = try SampleGenerator(configuration).run()
        let labels = try EvaluationInput.labels(configuration.outputDirectory + "/labels.csv")
        let window = Set(configuration.anomalyWindow.map(\.description))
        for kind in AnomalyKind.allCases {
            #expect(summary.eventsWanted[kind] == counts.fixed[kind], "\(kind)")
            #expect(summary.eventsPlanted[kind] == counts.fixed[kind], "\(kind) planted \(summary.eventsPlanted[kind] ?? 0)")
            let rows = labels.filter { $0.kind == kind.rawValue }
            #expect(rows.count == summary.labelRows[kind] ?? 0)
            #expect(rows.allSatisfy { window.contains($0.period) && $0.category == kind.category.rawValue })
            switch kind {
            case .inflation, .deflation:
                #expect((2...6).contains(rows.count), "\(kind) \(rows.count)")
            case .stoppedButReporting, .shellEnterprise, .unregisteredAboveThreshold:
                #expect(rows.count >= 2, "\(kind)")
                #expect(Set(rows.map(\.creditCode)).count == 2, "\(kind)")
            case .duplicateBundling:
                #expect((3...4).contains(rows.count))
            case .townInflation, .townGrowthHandedDown:
                let regionRows = rows.filter(\.isRegion)
                #expect(!regionRows.isEmpty)
                #expect(rows.count - regionRows.count >= 5 * regionRows.count)
                #expect(regionRows.allSatisfy { $0.regionCode.hasSuffix("000") })
            default:
                #expect(rows.count == 2, "\(kind) \(rows.count)")
            }
        }
        // Labels and hard negatives never share an enterprise-period.
        let negatives = try EvaluationInput.negatives(configuration.outputDirectory + "/negatives.csv")
        let labelled = Set(labels.map { $0.period + "|" + $0.creditCode })
        #expect(negatives.allSatisfy { !labelled.contains($0.period + "|" + $0.creditCode) })
        // The default variation plants the standard hard negatives only (the others come with --variation mixed).
        #expect(Set(negatives.map(\.kind)) == Set(NegativeKind.standard.map(\.rawValue)))
        #expect(negatives.filter { $0.kind == "maintenance_shutdown" }.count == 2)
    }

    @Test func mixedVariationVariesMagnitudesShapesAndNegatives() throws {
        var configuration = SampleFixture.configuration("mixed-plan", seed: 12, enterprises: 400)
        configuration.variation = .mixed
        let summary = try SampleGenerator(configuration).run()
        let labels = try EvaluationInput.labels(configuration.outputDirectory + "/labels.csv")
        let negatives = try EvaluationInput.negatives(configuration.outputDirectory + "/negatives.csv")
        // Every hard-negative kind, rebounds after shutdowns and enterprises leaving the panel included.
        #expect(Set(negatives.map(\.kind)) == Set(NegativeKind.allCases.map(\.rawValue)))
        #expect(summary.negativeRows[.reboundAfterShutdown] ?? 0 > 0)
        // Magnitudes from the mixed ranges: inflation 1.15-2×, town inflation 1.08-1.2×, two towns.
        let inflation = labels.filter { $0.kind == "inflation" }.compactMap { Double($0.factor) }
        #expect(!inflation.isEmpty && inflation.allSatisfy { (1.149...2.001).contains($0) })
        let towns = labels.filter { $0.kind == "town_inflation" && $0.isRegion }
        #expect(Set(towns.map(\.regionCode)).count == 2)
        #expect(towns.compactMap { Double($0.factor) }.allSatisfy { (1.079...1.201).contains($0) })
        // Labels and hard negatives never share an enterprise-period.
        let labelled = Set(labels.map { $0.period + "|" + $0.creditCode })
        #expect(negatives.allSatisfy { !labelled.contains($0.period + "|" + $0.creditCode) })
    }

    @Test func mildVariationDrawsMildMagnitudes() throws {
        var configuration = SampleFixture.configuration("mild-plan", seed: 13, enterprises: 200)
        configuration.variation = .mild
        _ = try SampleGenerator(configuration).run()
        let labels = try EvaluationInput.labels(configuration.outputDirectory + "/labels.csv")
        let factors = labels.filter { $0.kind == "tax_mismatch" }.compactMap { Double($0.factor) }
        #expect(!factors.isEmpty && factors.allSatisfy { (1.249...1.601).contains($0) })
    }

    @Test func countsScaleWithEnterprises() {
        let counts = AnomalyCounts()
        #expect(counts.count(.inflation, enterprises: 100) == counts.minimum)
        #expect(counts.count(.inflation, enterprises: 500_000) == 7_500)
        #expect(counts.count(.townInflation, enterprises: 300) == 1)
    }

    @Test func windowKeepsLastYearClean() {
        let configuration = SampleFixture.configuration("window")
        let window = configuration.anomalyWindow
        #expect(window.count == 10)
        #expect(window.last == configuration.to)
        #expect(window.allSatisfy { $0.adding(months: -12) < window[0] })
    }
}
