import Foundation
import StatGuardCore
@testable import StatGuardJob
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A figure a statistician confirmed wrong is no baseline: the history the checks compare
/// against serves it as missing, while the summaries still add up what is stored.
@Suite("Confirmed figures leave the baselines")
struct ConfirmedBaselineTests {
    @Test("the checks' history serves a confirmed figure as NaN, only that one")
    func confirmedFigureIsMissing() throws {
        let bureau = try WorkflowBureau()
        let key = bureau.key(3, "C01", "export_delivery")
        #expect(try bureau.triage(["--key", key, "--status", "confirmed", "--reason", "出口额误填", "--by", "李强"]).exitCode == 0)
        let store = try Store(path: bureau.storePath, writing: false)
        let stored = try StoredPeriod.read(store, period: WorkflowBureau.november, calendar: ReportingCalendar(), needs: .everything)
        #expect(stored.confirmed.count == 1)
        let asStored = try #require(stored.history.reports[1])
        let forChecks = try #require(stored.checkHistory.reports[1])
        let row = try #require(asStored.creditCodes.firstIndex { $0.description == bureau.codes[3] })
        #expect(!asStored[ReportField.exportDelivery][row].isNaN)
        #expect(forChecks[ReportField.exportDelivery][row].isNaN)
        #expect(forChecks[ReportField.salesOutput] == asStored[ReportField.salesOutput])
        let others = asStored[ReportField.exportDelivery].indices.filter { $0 != row }
        #expect(others.allSatisfy { asStored[ReportField.exportDelivery][$0] == forChecks[ReportField.exportDelivery][$0] })

        // Explained instead: the figure is a baseline again.
        #expect(try bureau.triage(["--key", key, "--status", "explained", "--reason", "复核后属正常", "--by", "李强"]).exitCode == 0)
        #expect(try StoredPeriod.read(store, period: WorkflowBureau.november, calendar: ReportingCalendar(), needs: .everything).confirmed.isEmpty)
    }
}
