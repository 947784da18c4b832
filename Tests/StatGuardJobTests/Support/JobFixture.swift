import Foundation
import Logging
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardJob
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A bureau's folder for one test: a pipeline file in `pipelines/`, its data in
/// `data/`, its store and reports in `out/`, all inside a temporary folder.
final class JobFixture {
    let folder: FixtureFolder

    /// The files one load writes into `<reports>/<pipeline>/<YYYY-MM>/`.
    static let reportNames = [
        "alerts.csv", "alerts.md", "alerts.xlsx", "cases.csv", "quarantine.csv", "quality.md", "summary.csv", "summary.md", "summary.xlsx",
        "run.json", "summary-output.svg", "summary-output-by-county.svg", "summary-growth.svg", "summary-contribution.svg",
        "summary-reporting-rate.svg", "alerts-by-town.svg",
    ]

    /// The periods most tests load: last March (the base a year back), 1-2月 and March.
    static let periods = ["2023-03", "2024-02", "2024-03"].map { Period($0)! }

    /// The industry chains of the pipeline file.
    static let chainsYAML = """
          煤及煤化工: ["06", "2521"]
          钒钛钢铁: ["0810", "31"]
          生物医药: ["27"]

        """

    /// Creates the folder and writes the pipeline file with `chainsYAML` under
    /// `chains:`; `extraYAML` is appended to it.
    init(chainsYAML: String = JobFixture.chainsYAML, extraYAML: String = "") throws {
        folder = try FixtureFolder("job")
        for sub in ["pipelines", "data/reports", "data/register", "data/admin"] {
            try FileManager.default.createDirectory(atPath: folder.path(sub), withIntermediateDirectories: true)
        }
        try folder.write("pipelines/test.yaml", text: """
            name: test
            input:
              folder: ../data
              reports: reports/reports_{YYYYMM}.csv
              register: register/register.csv
              admin: admin/admin_{YYYYMM}.csv
            store: ../out/store/test.sqlite
            reports_folder: ../out/reports
            chains:

            """ + chainsYAML + extraYAML)
    }

    var pipelinePath: String { folder.path("pipelines/test.yaml") }
    var storePath: String { folder.path("out/store/test.sqlite") }

    /// The report folder of `period`.
    func reportFolder(_ period: Period) -> String { folder.path("out/reports/test/\(period)") }

    /// Writes the reports file of `period`.
    func writeReports(_ period: Period, _ text: String) throws {
        try folder.write("data/reports/reports_\(period.compact).csv", text: text)
    }

    /// Writes the register file.
    func writeRegister(_ text: String = AreaFixture.registerText()) throws {
        try folder.write("data/register/register.csv", text: text)
    }

    /// Writes the admin file of `period`: grid electricity and invoices of every area enterprise.
    func writeAdmin(_ period: Period) throws {
        let csv = ContractCSV.admin
        let rows = AreaFixture.enterprises.map { e in
            csv.row([
                "credit_code": e.code, "name": e.name, "region_code": e.region, "industry_code": e.industry,
                "period": period.description, "grid_electricity": "\(e.output / 40)", "invoiced_sales": "\(e.output)",
            ])
        }
        try folder.write("data/admin/admin_\(period.compact).csv", text: csv.text(rows))
    }

    /// The area's register and a reports file for each of ``periods`` (2024-03 at twice the scale).
    /// - Parameter badRow: adds to 2024-03 a row with an 11-digit region code (S04), on line 7.
    func writeStandardData(badRow: Bool = true) throws {
        try writeRegister()
        for period in Self.periods {
            var extra: [[String: String]] = []
            if badRow && period == Self.periods.last! {
                var row = AreaFixture.reportFields(AreaFixture.enterprises[0].renumbered(9, name: "错码企业"), period: period)
                row["region_code"] = "51040200100"
                extra.append(row)
            }
            try writeReports(period, AreaFixture.reportsText(period: period, scale: period == Period(year: 2024, month: 3) ? 2 : 1, extraRows: extra))
        }
    }

    /// The pipeline as the command line loads it.
    func pipeline() throws -> PipelineDefinition {
        try PipelineLoader(knownChecks: CheckCatalog.entries).load(path: pipelinePath)
    }

    /// The monthly job, logging nothing.
    func job() throws -> MonthlyJob {
        var logger = Logger(label: "statguard-tests")
        logger.logLevel = .critical
        return MonthlyJob(pipeline: try pipeline(), logger: logger, progress: ProgressReporter(quiet: true), toolVersion: "test")
    }

    /// The bytes of every report file of `period`, by name (absent files are left out).
    func reportBytes(_ period: Period) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in Self.reportNames {
            if let data = FileManager.default.contents(atPath: "\(reportFolder(period))/\(name)") { files[name] = Array(data) }
        }
        return files
    }

    /// The text of report `name` of `period`, without a byte-order mark.
    func reportText(_ period: Period, _ name: String) throws -> String {
        var bytes = try #require(FileManager.default.contents(atPath: "\(reportFolder(period))/\(name)"))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `run.json` of `period`, decoded.
    func runRecord(_ period: Period) throws -> LoadRecord {
        let data = try #require(FileManager.default.contents(atPath: "\(reportFolder(period))/run.json"))
        return try JSONDecoder().decode(LoadRecord.self, from: data)
    }

    /// The store's content digest, read without the lock.
    func storeDigest() throws -> String {
        try Store(path: storePath, writing: false).contentDigest()
    }
}

/// The records of a CSV report (RFC 4180, no quoted line breaks expected), without the byte-order mark.
func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var cell = ""
    var quoted = false
    var previousQuote = false
    for character in text {
        if quoted {
            if character == "\"" { quoted = false; previousQuote = true } else { cell.append(character) }
            continue
        }
        switch character {
        case "\"":
            if previousQuote { cell.append("\"") }
            quoted = true
        case ",":
            record.append(cell)
            cell = ""
        case "\n", "\r\n":
            record.append(cell)
            records.append(record)
            record = []
            cell = ""
        default:
            cell.append(character)
        }
        previousQuote = false
    }
    if !cell.isEmpty || !record.isEmpty { record.append(cell); records.append(record) }
    return records
}
