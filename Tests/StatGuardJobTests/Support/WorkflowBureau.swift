import Foundation
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A generated bureau (`statguard sample`, 120 enterprises, 2023-10 to 2024-11) whose statisticians
/// work its alerts with the command line: `run`, `cases`, `triage`. Five enterprises E0…E4 have their
/// figures set by the tests: E0-E3 report export delivery half again above sales in 2024-10 (C01).
final class WorkflowBureau {
    let folder: FixtureFolder
    static let pipeline = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Pipelines/monthly-industry.yaml").path
    static let october = Period(year: 2024, month: 10), november = Period(year: 2024, month: 11)

    /// The five enterprises the tests write figures for.
    private(set) var codes: [String] = []

    /// Generates the data, plants C01 into 2024-10 for E0-E3 and loads every period through 2024-10.
    init() throws {
        folder = try FixtureFolder("workflow")
        let sample = try CommandRunner.run([
            "sample", "--out", folder.path("data"), "--enterprises", "120", "--from", "2023-10", "--to", "2024-11", "--seed", "11",
        ])
        #expect(sample.exitCode == 0, "\(sample.standardError)")
        var october = try reports(Self.october)
        let november = Set(try reports(Self.november).codes)
        codes = Array(october.codes.filter { november.contains($0) }.prefix(5))
        for code in codes.prefix(4) {
            october[code, .exportDelivery] = ReportsFile.figure(october.number(code, .salesOutput) * 1.5)
        }
        try october.save()
        let run = try self.run("--from", "2023-10", "--to", "2024-10")
        #expect(run.exitCode == 0, "\(run.standardError)")
    }

    /// `statguard run` on the bureau's data, store and report folder.
    func run(_ arguments: String...) throws -> CommandResult {
        try CommandRunner.run(
            ["run", "--pipeline", Self.pipeline, "--data", folder.path("data"), "--store", storePath, "--out", folder.path("out"), "--quiet"]
                + arguments, timeout: 300)
    }

    /// `statguard triage` on the bureau's store.
    func triage(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(["triage", "--pipeline", Self.pipeline, "--store", storePath] + arguments)
    }

    /// The key of `rule` on `indicator` of enterprise `index`.
    func key(_ index: Int, _ rule: String, _ indicator: String) -> String { "\(codes[index])/\(rule)/\(indicator)" }

    /// `statguard cases --format json` of `period`, by alert key.
    func cases(_ period: Period, _ extra: [String] = []) throws -> [String: [String: Any]] {
        let result = try CommandRunner.run(
            ["cases", "--pipeline", Self.pipeline, "--store", storePath, "--period", period.description, "--format", "json"] + extra)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]] ?? []
        return Dictionary(lines.map { ($0["alert_key"] as! String, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var storePath: String { folder.path("store.sqlite") }

    /// The reports file of `period`, to change figures in.
    func reports(_ period: Period) throws -> ReportsFile { try ReportsFile(path: folder.path("data/reports/reports_\(period.compact).csv")) }

    /// The text of report `name` of `period`, without a byte-order mark.
    func report(_ period: Period, _ name: String) throws -> String {
        var bytes = try folder.read("out/monthly-industry/\(period)/\(name)")
        if bytes.starts(with: FixtureBytes.byteOrderMark) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A plain UTF-8 reports file with Chinese headers, as `statguard sample` writes it, whose cells a test sets.
struct ReportsFile {
    let path: String
    var header: [String]
    var rows: [[String]]

    init(path: String) throws {
        self.path = path
        let records = csvRecords(try String(contentsOfFile: path, encoding: .utf8))
        header = records[0]
        rows = Array(records.dropFirst())
    }

    var codes: [String] { rows.map { $0[0] } }

    /// The cell of enterprise `code` in column `field`.
    subscript(code: String, field: ReportField) -> String {
        get { rows.first { $0[0] == code }![column(field)] }
        set { rows[rows.firstIndex { $0[0] == code }!][column(field)] = newValue }
    }

    func number(_ code: String, _ field: ReportField) -> Double { Double(self[code, field])! }

    /// Adds the optional column `field` (blank for every enterprise) unless the file has it.
    mutating func addColumn(_ field: ReportField) {
        guard !header.contains(field.spec.header) else { return }
        header.append(field.spec.header)
        for i in rows.indices { rows[i].append("") }
    }

    func column(_ field: ReportField) -> Int { header.firstIndex(of: field.spec.header)! }

    /// A figure as the sample writes it: one decimal.
    static func figure(_ value: Double) -> String { String(format: "%.1f", value) }

    func save() throws {
        let text = ([header] + rows).map { CSVEncoding.record($0) }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
