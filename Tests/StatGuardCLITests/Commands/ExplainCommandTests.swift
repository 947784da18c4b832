import Foundation
import StatGuardTestSupport
import Testing

/// `statguard explain`: every rule's catalog entry, and the generated catalog page kept current.
@Suite("statguard explain")
struct ExplainCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("docs/CHECKS.md is what `explain --all --format markdown` writes (regenerate it when a rule changes)")
    func catalogPageIsCurrent() throws {
        let result = try CommandRunner.run(["explain", "--all", "--format", "markdown"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let committed = try String(contentsOf: Self.repository.appendingPathComponent("docs/CHECKS.md"), encoding: .utf8)
        #expect(result.standardOutput == committed,
                "docs/CHECKS.md is stale: run `statguard explain --all --format markdown > docs/CHECKS.md`")
    }

    @Test("every built-in rule explains itself with an example message in both languages", arguments: [
        "S01", "S09", "C01", "C07", "U01", "U05", "O01", "O04", "O11", "N01", "G01", "G04",
    ])
    func explainsRule(_ rule: String) throws {
        let result = try CommandRunner.run(["explain", rule])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix(rule + "  "))
        #expect(result.standardOutput.contains("含义 Meaning") && result.standardOutput.contains("示例 Example messages"))
        // An example renders every slot: no placeholder is left, none is missing.
        #expect(!result.standardOutput.contains("{") && !result.standardOutput.contains("—"), "\(result.standardOutput)")
    }

    @Test("a pipeline's own rule is explained from the pipeline file; an unknown id is usage with a suggestion")
    func userRulesAndUnknownIDs() throws {
        let folder = try FixtureFolder("explain")
        _ = try folder.write("p.yaml", text: """
            name: p
            input:
              folder: data
              reports: "r_{YYYYMM}.csv"
              register: reg.csv
            store: s.sqlite
            reports_folder: out
            rules:
              - id: R01
                category: consistency
                check: export_delivery <= sales_output
                message_zh: "出口交货值{export_delivery}千元大于销售产值{sales_output}千元"
                message_en: "Export {export_delivery} above sales {sales_output}"

            """)
        let user = try CommandRunner.run(["explain", "R01", "--pipeline", folder.path("p.yaml")])
        #expect(user.exitCode == 0, "\(user.standardError)")
        #expect(user.standardOutput.contains("出口交货值12,345千元大于销售产值12,345千元"), "\(user.standardOutput)")
        let unknown = try CommandRunner.run(["explain", "O1"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("did you mean"))
    }
}
