import Foundation
import StatGuardCore
import StatGuardJob
import StatGuardStore
import StatGuardTestSupport
import Testing

/// Loading the same files again changes nothing but run.json's own times, and
/// `statguard report` rebuilds the same bytes from the store alone.
@Suite("Reruns and rebuilds")
struct ReproducibilityTests {
    @Test("rerunning the same periods gives byte-identical reports except run.json, and the same store content")
    func rerunIdentical() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        try fixture.writeAdmin(Period(year: 2024, month: 3))
        _ = try fixture.job().run(periods: JobFixture.periods)
        let first = JobFixture.periods.map { fixture.reportBytes($0) }
        let firstRecords = try JobFixture.periods.map { try fixture.runRecord($0) }
        let digest = try fixture.storeDigest()

        _ = try fixture.job().run(periods: JobFixture.periods)
        #expect(try fixture.storeDigest() == digest)
        for (index, period) in JobFixture.periods.enumerated() {
            let again = fixture.reportBytes(period)
            #expect(again.keys.sorted() == JobFixture.reportNames.sorted())
            for name in JobFixture.reportNames where name != "run.json" {
                #expect(again[name] == first[index][name], "\(period) \(name) differs on rerun")
            }
            // run.json differs only in the run's own time and stage timings.
            var record = try fixture.runRecord(period)
            record.startedAt = firstRecords[index].startedAt
            record.stages = firstRecords[index].stages
            #expect(record == firstRecords[index], "\(period) run.json differs beyond its times")
        }
    }

    @Test("the report rebuild writes the run's bytes, run.json included, from the store alone")
    func rebuildIdentical() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        try fixture.writeAdmin(Period(year: 2024, month: 3))
        _ = try fixture.job().run(periods: JobFixture.periods)
        let written = JobFixture.periods.map { fixture.reportBytes($0) }
        // No input file is needed: move the data away, and remove the reports.
        try FileManager.default.moveItem(atPath: fixture.folder.path("data"), toPath: fixture.folder.path("data-away"))
        for period in JobFixture.periods {
            try FileManager.default.removeItem(atPath: fixture.reportFolder(period))
        }
        let rebuild = ReportRebuild(pipeline: try fixture.pipeline())
        for (index, period) in JobFixture.periods.enumerated() {
            #expect(try rebuild.run(period: period) == fixture.reportFolder(period))
            let rebuilt = fixture.reportBytes(period)
            #expect(rebuilt.keys.sorted() == JobFixture.reportNames.sorted())
            for name in JobFixture.reportNames {
                #expect(rebuilt[name] == written[index][name], "\(period) \(name) differs when rebuilt")
            }
        }
    }

    @Test("rebuilding a period that was never loaded says so")
    func rebuildNotLoaded() throws {
        let fixture = try JobFixture()
        try fixture.writeStandardData()
        _ = try fixture.job().run(periods: [Period(year: 2024, month: 3)])
        let rebuild = ReportRebuild(pipeline: try fixture.pipeline())
        do {
            _ = try rebuild.run(period: Period(year: 2024, month: 4))
            Issue.record("a period never loaded was rebuilt")
        } catch {
            guard case .notLoaded(let period, _) = error else {
                Issue.record("expected notLoaded, got \(error)")
                return
            }
            #expect(period == "2024-04")
        }
    }
}
