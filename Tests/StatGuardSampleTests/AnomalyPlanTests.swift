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
        #expect(Set(negatives.map(\.kind)) == Set(NegativeKind.allCases.map(\.rawValue)))
        #expect(negatives.filter { $0.kind == "maintenance_shutdown" }.count == 2)
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
