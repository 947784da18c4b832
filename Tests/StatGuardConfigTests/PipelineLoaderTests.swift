import Foundation
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardTestSupport
import Testing

/// What a valid pipeline file becomes: resolved paths, patterns, check settings, chains.
@Suite("Pipeline files load")
struct PipelineLoaderTests {
    @Test("paths are resolved against the pipeline file's folder, with defaults for store and reports")
    func minimalPaths() throws {
        let pipeline = try PipelineYAML.load(PipelineYAML.minimal)
        #expect(pipeline.name == "test-pipeline")
        #expect(pipeline.file == PipelineYAML.path)
        #expect(pipeline.dataFolder == "/srv/bureau/data")
        #expect(pipeline.storePath == "/srv/bureau/Reports/store/test-pipeline.sqlite")
        #expect(pipeline.reportsFolder == "/srv/bureau/Reports")
        #expect(pipeline.inputPath(.reports, period: Period(year: 2024, month: 3)) == "/srv/bureau/data/reports/reports_202403.csv")
        #expect(pipeline.inputPath(.register, period: Period(year: 2024, month: 3)) == "/srv/bureau/data/register/register.csv")
        #expect(pipeline.inputPath(.admin, period: Period(year: 2024, month: 3)) == nil)
        #expect(pipeline.calendar.combinesJanuaryFebruary)
        #expect(pipeline.encoding == nil)
        #expect(pipeline.checks.isEmpty)
        #expect(pipeline.settings(for: "O01") == CheckSettings())
    }

    @Test("explicit paths: relative ones against the file's folder, absolute ones kept")
    func explicitPaths() throws {
        let pipeline = try PipelineYAML.load("""
            name: county_510402
            input:
              folder: data
              reports: "{YYYY-MM}/reports.csv"
              register: /mnt/share/register.csv
              admin: admin/admin_{YYYYMM}.csv
              encoding: gb18030
            store: ../var/store.sqlite
            reports_folder: /var/reports
            calendar:
              combine_january_february: false
            """)
        let march = Period(year: 2024, month: 3)
        #expect(pipeline.dataFolder == "/srv/bureau/Pipelines/data")
        #expect(pipeline.storePath == "/srv/bureau/var/store.sqlite")
        #expect(pipeline.reportsFolder == "/var/reports")
        #expect(pipeline.inputPath(.reports, period: march) == "/srv/bureau/Pipelines/data/2024-03/reports.csv")
        #expect(pipeline.inputPath(.register, period: march) == "/mnt/share/register.csv")
        #expect(pipeline.inputPath(.admin, period: march) == "/srv/bureau/Pipelines/data/admin/admin_202403.csv")
        #expect(pipeline.encoding == .gb18030)
        #expect(!pipeline.calendar.combinesJanuaryFebruary)
    }

    @Test("a pipeline file on disk resolves its paths against its own folder, not the working directory")
    func relativeToFileOnDisk() throws {
        let folder = try FixtureFolder("pipeline")
        try FileManager.default.createDirectory(atPath: folder.path("Pipelines"), withIntermediateDirectories: true)
        try folder.write("Pipelines/county.yaml", text: PipelineYAML.minimal)
        let pipeline = try PipelineYAML.loader.load(path: folder.path("Pipelines/county.yaml"))
        let root = (folder.path as NSString).standardizingPath
        #expect(pipeline.dataFolder == root + "/data")
        #expect(pipeline.storePath == root + "/Reports/store/test-pipeline.sqlite")
        #expect(pipeline.reportsFolder == root + "/Reports")
    }

    @Test("check settings: switches, severities and thresholds, the rest at their defaults")
    func checkSettings() throws {
        let pipeline = try PipelineYAML.load(PipelineYAML.minimal + """
            checks:
              O01:
                high_ratio: 2
                severity: info
              C07:
                enabled: false
              S01:
                enabled: true
              O04: {}
            """)
        let o01 = pipeline.settings(for: "O01")
        #expect(o01.parameters == ["high_ratio": 2])
        #expect(o01.severity == .info)
        #expect(o01.enabled)
        #expect(o01.value(O01_AboveElectricityImpliedOutput.high) == 2)
        #expect(pipeline.settings(for: "C07").enabled == false)
        #expect(pipeline.settings(for: "S01").enabled)
        #expect(pipeline.settings(for: "O04") == CheckSettings())
        #expect(pipeline.settings(for: "U01") == CheckSettings())
    }

    @Test("thresholds at the ends of their range are accepted", arguments: ["1", "100", "1.0"])
    func thresholdBounds(value: String) throws {
        let pipeline = try PipelineYAML.load(PipelineYAML.minimal + "checks:\n  O01:\n    high_ratio: \(value)\n")
        #expect(pipeline.settings(for: "O01").parameters["high_ratio"] == Double(value))
    }

    @Test("aliases, allow-list, chains and parks are kept in file order")
    func aliasesChainsParks() throws {
        let pipeline = try PipelineYAML.load(PipelineYAML.minimal + """
              aliases:
                reports:
                  工业总产值本月: gross_output
            credit_code_allow_list: ["\(TestCodes.realFailing)"]
            chains:
              钒钛钢铁: ["0810", "31"]
              煤及煤化工: ["06", "2521"]
            parks: [钒钛产业园, 高新区]
            """)
        #expect(pipeline.aliases[.reports] == ["工业总产值本月": "gross_output"])
        #expect(pipeline.creditCodeAllowList.map(\.description) == [TestCodes.realFailing])
        #expect(pipeline.chains == [
            IndustryChain(name: "钒钛钢铁", prefixes: ["0810", "31"]), IndustryChain(name: "煤及煤化工", prefixes: ["06", "2521"]),
        ])
        #expect(pipeline.parks == ["钒钛产业园", "高新区"])
        #expect(pipeline.chains[0].contains(IndustryCode("3110")!))
        #expect(!pipeline.chains[0].contains(IndustryCode("2521")!))
    }

    @Test("the shipped Pipelines/monthly-industry.yaml loads with its six chains")
    func shippedPipeline() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Pipelines/monthly-industry.yaml").path
        let pipeline = try PipelineLoader(knownChecks: CheckCatalog.entries).load(path: path)
        let rootPath = (root.path as NSString).standardizingPath
        #expect(pipeline.name == "monthly-industry")
        #expect(pipeline.chains.map(\.name) == ["煤及煤化工", "新能源", "新材料", "钒钛钢铁", "生物医药", "轻工纺织"])
        #expect(pipeline.chains.allSatisfy { !$0.prefixes.isEmpty })
        #expect(pipeline.chains[3].prefixes == ["0810", "31", "3239", "3511"])
        #expect(Set(pipeline.inputPatterns.keys) == Set(FileKind.allCases))
        #expect(pipeline.dataFolder == rootPath + "/SampleData")
        #expect(pipeline.storePath == rootPath + "/Reports/store/monthly-industry.sqlite")
        #expect(pipeline.reportsFolder == rootPath + "/Reports")
        #expect(pipeline.inputPath(.reports, period: Period(year: 2024, month: 12)) == rootPath + "/SampleData/reports/reports_202412.csv")
        #expect(pipeline.calendar.combinesJanuaryFebruary)
        #expect(pipeline.encoding == nil)
        #expect(pipeline.aliases[.reports]?["工业总产值本月"] == "gross_output")
        #expect(pipeline.parks.isEmpty)
    }
}
