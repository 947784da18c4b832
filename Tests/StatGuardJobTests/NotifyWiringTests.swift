import Foundation
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A load pushes its digest after the commit; what the push did is kept and shown,
/// never changes the load's result, and never shows a secret.
@Suite("Digests pushed by a load")
struct NotifyWiringTests {
    static let notifyYAML = """
        web_url: http://127.0.0.1:9/
        notify:
          - name: 东区统计群
            kind: wecom
            url_env: SG_TEST_WECOM_UNSET
            regions: ["5104"]

        """

    @Test("a channel that cannot be reached is a line in quality.md and notify.json; the load still succeeds")
    func failedChannelDoesNotFailTheLoad() throws {
        let fixture = try JobFixture(extraYAML: Self.notifyYAML)
        try fixture.writeStandardData()
        for period in JobFixture.periods {
            let run = try CommandRunner.run(["run", "--pipeline", fixture.pipelinePath, "--period", period.description, "--quiet"])
            #expect(run.exitCode == 0, "\(run.standardError)")
            #expect(run.standardError.contains("digest not delivered"), "a failed channel is a warning on stderr")
        }
        let march = Period(year: 2024, month: 3)
        let quality = try fixture.reportText(march, "quality.md")
        #expect(quality.contains("## 推送 Digests pushed") && quality.contains("东区统计群") && quality.contains("env_missing"))
        let notify = try fixture.reportText(march, "notify.json")
        #expect(notify.contains("\"errorCode\" : \"env_missing\""))
        let kept = try Store(path: fixture.storePath, writing: false).deliveries(of: march)
        #expect(kept.map(\.channel) == ["东区统计群"] && kept.allSatisfy { !$0.delivered })
        // `report` rebuilds the same quality.md from the store.
        let before = fixture.reportBytes(march)["quality.md"]
        #expect(try CommandRunner.run(["report", "--pipeline", fixture.pipelinePath, "--period", "2024-03"]).exitCode == 0)
        #expect(fixture.reportBytes(march)["quality.md"] == before)
        // The dry run shows what would go out, names the variable, reads no secret.
        let dry = try CommandRunner.run(["notify", "--pipeline", fixture.pipelinePath, "--period", "2024-03", "--dry-run"])
        #expect(dry.exitCode == 0 && dry.standardOutput.contains("$SG_TEST_WECOM_UNSET"), "\(dry.standardError)")
        let send = try CommandRunner.run(["notify", "--pipeline", fixture.pipelinePath, "--period", "2024-03"])
        #expect(send.exitCode == 6, "a channel that did not take its digest: \(send.standardError)")
    }
}
