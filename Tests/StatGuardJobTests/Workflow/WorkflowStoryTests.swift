import Foundation
import GRDB
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A month of verification, end to end on generated data with the command line: decisions taken on
/// 2024-10's alerts, then 2024-11 loaded; what carries, what reopens, what repeats, what a resubmitted
/// file corrects, and what stays on record.
@Suite("Working the alerts across months", .serialized)
struct WorkflowStoryTests {
    /// E0 explained, E1 false alarm, E2 explained until 2024-10, E3 confirmed, all on C01 in 2024-10;
    /// 2024-11 written so that E0's export stays within ±20%, E1's moves by half, E2's stays, E3's fires again.
    static func decidedAndLoadedNovember() throws -> WorkflowBureau {
        let bureau = try WorkflowBureau()
        let keys = (0..<4).map { bureau.key($0, "C01", "export_delivery") }
        let october = try bureau.cases(WorkflowBureau.october)
        #expect(keys.allSatisfy { october[$0]?["status"] as? String == "open" }, "\(keys.filter { october[$0] == nil })")
        let decisions: [[String]] = [
            ["--key", keys[0], "--status", "explained", "--reason", "来料加工复出口，出口额含料件", "--by", "王芳"],
            ["--key", keys[1], "--status", "false_alarm", "--reason", "报表口径不同", "--by", "王芳"],
            ["--key", keys[2], "--status", "explained", "--reason", "一次性出口订单", "--by", "李强", "--valid-until", "2024-10"],
            ["--key", keys[3], "--status", "confirmed", "--reason", "出口额误填", "--by", "李强", "--verified-value", "100"],
        ]
        for arguments in decisions {
            let result = try bureau.triage(arguments)
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let old = try bureau.reports(WorkflowBureau.october)
        var november = try bureau.reports(WorkflowBureau.november)
        for (i, factor) in [1.1, 1.5, 1.0].enumerated() {
            november[bureau.codes[i], .salesOutput] = old[bureau.codes[i], .salesOutput]
            november[bureau.codes[i], .exportDelivery] = ReportsFile.figure(old.number(bureau.codes[i], .exportDelivery) * factor)
        }
        november[bureau.codes[3], .exportDelivery] = ReportsFile.figure(november.number(bureau.codes[3], .salesOutput) * 1.5)
        try november.save()
        let run = try bureau.run("--period", "2024-11")
        #expect(run.exitCode == 0, "\(run.standardError)")
        return bureau
    }

    @Test("decisions carry within the band, reopen outside it or after valid-until, and a confirmed key fires as a repeat")
    func carryOver() throws {
        let bureau = try Self.decidedAndLoadedNovember()
        let keys = (0..<4).map { bureau.key($0, "C01", "export_delivery") }
        let november = try bureau.cases(WorkflowBureau.november)
        let lines = try keys.map { try #require(november[$0], "\($0) did not fire in 2024-11") }
        #expect(lines[0]["status"] as? String == "explained" && lines[0]["carried_from"] as? String == "2024-10")
        #expect(lines[0]["status_since"] as? String == "2024-10" && lines[0]["status_reason"] as? String == "来料加工复出口，出口额含料件")
        #expect(lines[1]["status"] as? String == "open" && (lines[1]["status_reason"] as? String)?.contains("±20%") == true)
        #expect(lines[2]["status"] as? String == "open" && (lines[2]["status_reason"] as? String)?.contains("已过期") == true)
        #expect(lines[3]["status"] as? String == "open" && lines[3]["repeat"] as? Bool == true)
        #expect((lines[3]["status_reason"] as? String)?.hasPrefix("回头看") == true)
        #expect(lines.allSatisfy { $0["first_seen"] as? String == "2024-10" && $0["occurrences"] as? Int == 2 })
        let required: Set = [
            "alert_key", "case_id", "credit_code", "region_code", "rule_id", "indicator", "period", "score", "status", "status_since",
            "status_reason", "carried_from", "message_zh",
        ]
        #expect(november.values.allSatisfy { required.isSubset(of: $0.keys) })

        // The carried key is out of the open queue, and the reports say so.
        #expect(try bureau.cases(WorkflowBureau.november, ["--status", "open"])[keys[0]] == nil)
        #expect(try bureau.cases(WorkflowBureau.november, ["--status", "open"])[keys[1]] != nil)
        let alerts = try bureau.report(WorkflowBureau.november, "alerts.md")
        let settled = try #require(alerts.components(separatedBy: "## 已决定").last)
        #expect(settled.contains("`\(keys[0])` | 已说明（沿用2024-10）"))
        let csv = csvRecords(try bureau.report(WorkflowBureau.november, "alerts.csv"))
        let row = try #require(csv.first { $0.contains(keys[0]) })
        #expect(Array(row.suffix(5)) == [keys[0], "explained", "来料加工复出口，出口额含料件", "2024-10", "2"])
        // C01 is error-level: the three keys not settled are counted as open in summary.md, the explained one is not.
        let summary = try bureau.report(WorkflowBureau.november, "summary.md")
        #expect(summary.contains("C01 3条"), "\(summary.prefix(600))")
        let cases = csvRecords(try bureau.report(WorkflowBureau.november, "cases.csv"))
        #expect(cases[0].suffix(5) == ["status", "reason", "by", "valid_until", "verified_value"])
        #expect(cases.first { $0.contains(keys[0]) }?[13] == "2024-10")
    }

    @Test("a resubmitted file corrects a confirmed key, its revisions stay on record, and C08 queries the second revision of a figure")
    func resubmission() throws {
        let bureau = try Self.decidedAndLoadedNovember()
        let e3 = bureau.key(3, "C01", "export_delivery")
        #expect(try bureau.triage(["--key", e3, "--status", "confirmed", "--reason", "回头看仍误填", "--by", "李强"]).exitCode == 0)
        // E3 resubmits with export below sales; E4 revises its output a little (an ordinary revision).
        var november = try bureau.reports(WorkflowBureau.november)
        let e4 = bureau.codes[4]
        let output = november.number(e4, .grossOutput)
        november[bureau.codes[3], .exportDelivery] = "0.0"
        november[e4, .grossOutput] = ReportsFile.figure(output * 1.013 + 0.3)
        try november.save()
        #expect(try bureau.run("--period", "2024-11").exitCode == 0)

        #expect(try bureau.cases(WorkflowBureau.november)[e3] == nil)
        let store = try Store(path: bureau.storePath, writing: false)
        let corrected = try #require(try store.auditLog().last { $0.key.description == e3 })
        #expect(corrected.to == .corrected && corrected.from == .confirmed && corrected.isAutomatic)
        #expect(corrected.reason.contains("export_delivery") && corrected.reason.contains("→ 0"))
        let revisions = try store.revisions(of: WorkflowBureau.november)
        #expect(Set(revisions.map { "\($0.creditCode)/\($0.field)" }) == ["\(bureau.codes[3])/export_delivery", "\(e4)/gross_output"])
        #expect(try bureau.report(WorkflowBureau.november, "summary.md").contains("本次重报更正2项数据，涉及2家企业"))
        #expect(try bureau.report(WorkflowBureau.november, "alerts.md").contains("## 已更正"))
        // One ordinary revision is no C08 finding; the same figure revised again is.
        #expect(try bureau.cases(WorkflowBureau.november)[bureau.key(4, "C08", "gross_output")] == nil)
        november[e4, .grossOutput] = ReportsFile.figure(output * 1.021 + 0.7)
        try november.save()
        #expect(try bureau.run("--period", "2024-11").exitCode == 0)
        let c08 = try #require(try bureau.cases(WorkflowBureau.november)[bureau.key(4, "C08", "gross_output")])
        #expect((c08["message_zh"] as? String)?.contains("第2次修改") == true)
    }

    @Test("the audit log and the revision log refuse UPDATE and DELETE")
    func appendOnly() throws {
        let bureau = try WorkflowBureau()
        #expect(try bureau.triage(["--key", bureau.key(0, "C01", "export_delivery"), "--status", "in_review", "--by", "王芳"]).exitCode == 0)
        let database = try DatabaseQueue(path: bureau.storePath)
        // A revision as a reload logs it: inserting is what the log allows.
        try database.write { try $0.execute(sql: "INSERT INTO revision (period, credit_code, field, old, new, at, file_sha256) VALUES ('2024-10', 'x', 'gross_output', 1, 2, 't', 's')") }
        for sql in ["UPDATE audit_log SET by = '某人'", "DELETE FROM audit_log", "UPDATE revision SET new = 0", "DELETE FROM revision"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try database.write { try $0.execute(sql: sql) } }
        }
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log") } == 1)
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM revision") } == 1)
    }

    @Test("an import with one bad row applies nothing; the fixed file, GB18030 with CRLF as Excel saves it, applies every row")
    func importAllOrNothing() throws {
        let bureau = try WorkflowBureau()
        let keys = (0..<4).map { bureau.key($0, "C01", "export_delivery") }
        let header = "alert_key,status,reason,by,valid_until,verified_value,name\n"
        let bad = header + """
            \(keys[0]),explained,"来料加工，出口额含料件",王芳,,,企业甲
            \(keys[1]),explaned,报表口径不同,王芳,,,企业乙
            \(keys[2]),false_alarm,,王芳,,,企业丙

            """
        let badFile = try bureau.folder.write("decisions-bad.csv", text: bad, encoding: .gb18030, lineEnding: .crlf)
        let refused = try bureau.triage(["--import", badFile])
        #expect(refused.exitCode == 3)
        #expect(refused.standardError.contains("\(badFile):3:") && refused.standardError.contains("Did you mean 'explained'?"))
        #expect(refused.standardError.contains("\(badFile):4:") && refused.standardError.contains("needs a reason"))
        #expect(try bureau.cases(WorkflowBureau.october)[keys[0]]?["status"] as? String == "open")
        #expect(try Store(path: bureau.storePath, writing: false).auditLog().isEmpty)

        let good = header + """
            \(keys[0]),explained,"来料加工，出口额含料件",王芳,2025-06,,企业甲
            \(keys[1]),false_alarm,报表口径不同,王芳,,,企业乙
            \(keys[2]),confirmed,出口额误填,李强,,"1,234.5",企业丙
            \(keys[3]),open,,,,,企业丁

            """
        let goodFile = try bureau.folder.write("decisions.csv", text: good, encoding: .gb18030, lineEnding: .crlf)
        let applied = try bureau.triage(["--import", goodFile])
        #expect(applied.exitCode == 0, "\(applied.standardError)")
        #expect(applied.standardOutput.contains("Applied 3 decisions") && applied.standardOutput.contains("1 row unchanged"))
        let october = try bureau.cases(WorkflowBureau.october)
        #expect(keys.prefix(3).map { october[$0]?["status"] as? String } == ["explained", "false_alarm", "confirmed"])
        let log = try Store(path: bureau.storePath, writing: false).auditLog()
        #expect(log.map(\.by) == ["王芳", "王芳", "李强"] && log[0].validUntil == Period(year: 2025, month: 6) && log[2].verifiedValue == 1234.5)
        #expect(log[2].errorRate.map { abs($0 - ((log[2].decidedValue! - 1234.5) / 1234.5)) < 1e-12 } == true)
        // The same file again changes nothing.
        #expect(try bureau.triage(["--import", goodFile]).standardOutput.contains("Applied 0 decisions"))
    }

    @Test("the enterprise's 填报说明 is loaded, shown with its case, and searchable")
    func explanation() throws {
        let bureau = try WorkflowBureau()
        var october = try bureau.reports(WorkflowBureau.october)
        october.addColumn(.explanation)
        october[bureau.codes[0], .explanation] = "本月承接来料加工复出口订单，出口额含进口料件"
        try october.save()
        #expect(try bureau.run("--period", "2024-10").exitCode == 0)
        let key = bureau.key(0, "C01", "export_delivery")
        #expect(try bureau.cases(WorkflowBureau.october)[key]?["explanation"] as? String == "本月承接来料加工复出口订单，出口额含进口料件")
        let found = try bureau.cases(WorkflowBureau.october, ["--search", "来料加工"])
        #expect(Set(found.values.map { $0["credit_code"] as? String }) == [bureau.codes[0]])
        #expect(try bureau.report(WorkflowBureau.october, "alerts.md").contains("填报说明 explanation: 本月承接来料加工复出口订单"))
        #expect(csvRecords(try bureau.report(WorkflowBureau.october, "cases.csv")).first { $0.contains(key) }?[11] == "本月承接来料加工复出口订单，出口额含进口料件")
    }

    @Test("cases --format csv is an import file: two columns filled in Excel and it loads back")
    func casesCSVRoundTrip() throws {
        let bureau = try WorkflowBureau()
        let export = try CommandRunner.run([
            "cases", "--pipeline", WorkflowBureau.pipeline, "--store", bureau.storePath, "--period", "2024-10", "--format", "csv",
            "--search", bureau.codes[0],
        ])
        var records = csvRecords(String(decoding: Array(export.standardOutput.utf8).dropFirst(3), as: UTF8.self))
        #expect(records.count >= 2 && records.dropFirst().allSatisfy { $0[3] == bureau.codes[0] })
        for i in records.indices.dropFirst() {
            records[i][14] = "false_alarm"
            records[i][15] = "季节性波动"
            records[i][16] = "王芳"
        }
        let file = try bureau.folder.write(
            "filled.csv", text: records.map { CSVEncoding.record($0) }.joined(), encoding: .utf8WithBOM, lineEnding: .crlf)
        let result = try bureau.triage(["--import", file])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let open = try bureau.cases(WorkflowBureau.october, ["--status", "open", "--search", bureau.codes[0]])
        #expect(open.isEmpty)
    }
}
