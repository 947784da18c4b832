import Foundation
import StatGuardCore
import StatGuardIngest
import StatGuardStore
import StatGuardTestSupport
import Testing

/// A temporary folder with a store path, fixture files read the way the job
/// reads them, and ``PeriodLoad`` values assembled from what was read.
final class StoreFixture {
    let folder: FixtureFolder

    init() throws {
        folder = try FixtureFolder("store")
    }

    /// The store's path (its folder is created by the first writing open).
    var storePath: String { folder.path("store/statguard.sqlite") }

    /// Opens the store for writing.
    func open() throws -> Store {
        try Store(path: storePath, writing: true)
    }

    /// Writes `text` as `name` and reads it as a `kind` file of `period`.
    func read(_ kind: FileKind, _ text: String, period: Period?, name: String) throws -> FileReadResult {
        let path = try folder.write(name, text: text)
        return try ContractFileReader(kind: kind, options: ReadOptions(period: period)).read(path: path)
    }

    /// The reports file of the area for `period` (see ``AreaFixture/reportsText(period:enterprises:scale:overrides:extraRows:)``).
    func reports(
        _ period: Period, enterprises: [AreaEnterprise] = AreaFixture.enterprises, scale: Int = 1,
        overrides: [Int: [String: String]] = [:], extraRows: [[String: String]] = []
    ) throws -> FileReadResult {
        try read(
            .reports, AreaFixture.reportsText(period: period, enterprises: enterprises, scale: scale, overrides: overrides, extraRows: extraRows),
            period: period, name: "reports_\(period.compact).csv")
    }

    /// A register file of `enterprises`.
    func register(_ enterprises: [AreaEnterprise] = AreaFixture.enterprises, overrides: [Int: [String: String]] = [:], name: String = "register.csv") throws -> FileReadResult {
        try read(.register, AreaFixture.registerText(enterprises, overrides: overrides), period: nil, name: name)
    }

    /// An admin file of `enterprises` for `period`.
    func admin(_ period: Period, enterprises: [AreaEnterprise] = AreaFixture.enterprises) throws -> FileReadResult {
        let csv = ContractCSV.admin
        let rows = enterprises.map { e in
            csv.row([
                "credit_code": e.code, "name": e.name, "region_code": e.region, "industry_code": e.industry,
                "period": period.description, "grid_electricity": "\(e.output / 40)", "invoiced_sales": "\(e.output)",
            ])
        }
        return try read(.admin, csv.text(rows), period: period, name: "admin_\(period.compact).csv")
    }

    /// What the job would store for `period`: the tables, register, quarantined rows and findings.
    static func load(
        _ period: Period, reports: FileReadResult, register: FileReadResult, admin: FileReadResult? = nil,
        findings: [Finding] = [], startedAt: String = "2024-04-05T01:00:00Z"
    ) -> PeriodLoad {
        var tables: [FileKind: ColumnTable] = [.reports: reports.table]
        var results = [reports, register]
        if let admin {
            tables[.admin] = admin.table
            results.append(admin)
        }
        let record = LoadRecord(
            pipeline: "store-tests", period: period.description, toolVersion: "test", startedAt: startedAt,
            files: results.map { result in
                LoadRecord.InputFile(
                    kind: result.kind.rawValue, path: result.file, size: 0, sha256: "", encoding: "utf-8",
                    rowsRead: result.rowsRead, rowsLoaded: result.rowsLoaded, rowsQuarantined: result.quarantined.count)
            },
            findingCounts: findings.reduce(into: [:]) { $0[$1.ruleID.rawValue, default: 0] += 1 })
        return PeriodLoad(
            period: period, record: record, tables: tables, register: register.table,
            quarantine: results.flatMap(\.quarantined), findings: findings)
    }
}

/// The period `text` names (`2024-03`).
func periodOf(_ text: String) -> Period {
    Period(text)!
}

/// Expects two tables to hold the same rows: codes, numbers (blank = blank), texts, periods, codes and lines.
func expectSameRows(_ a: ColumnTable?, _ b: ColumnTable?, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let a, let b else {
        Issue.record("a table is missing", sourceLocation: sourceLocation)
        return
    }
    #expect(a.kind == b.kind, sourceLocation: sourceLocation)
    #expect(a.count == b.count, sourceLocation: sourceLocation)
    #expect(a.lines == b.lines, sourceLocation: sourceLocation)
    #expect(a.creditCodes == b.creditCodes, sourceLocation: sourceLocation)
    #expect(a.regionCodes == b.regionCodes, sourceLocation: sourceLocation)
    #expect(a.industryCodes == b.industryCodes, sourceLocation: sourceLocation)
    for (index, spec) in a.kind.fields.enumerated() {
        let same = a.numbers[index].map(\.bitPattern) == b.numbers[index].map(\.bitPattern)
        #expect(same, "numbers of \(spec.name)", sourceLocation: sourceLocation)
        #expect(a.texts[index] == b.texts[index], "texts of \(spec.name)", sourceLocation: sourceLocation)
        #expect(a.periods[index] == b.periods[index], "periods of \(spec.name)", sourceLocation: sourceLocation)
        #expect(a.codes[index] == b.codes[index], "codes of \(spec.name)", sourceLocation: sourceLocation)
    }
    #expect(a.passThrough.map(\.header) == b.passThrough.map(\.header), sourceLocation: sourceLocation)
    #expect(a.passThrough.map(\.values) == b.passThrough.map(\.values), sourceLocation: sourceLocation)
}

/// The row of `code` in `table`, or nil.
func row(of code: String, in table: ColumnTable?) -> Int? {
    table?.creditCodes.firstIndex { $0.description == code }
}
