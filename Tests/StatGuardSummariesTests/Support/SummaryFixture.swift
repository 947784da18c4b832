import StatGuardCore
import StatGuardIngest
import StatGuardSummaries
import StatGuardTestSupport
import Testing

/// Fixture rows for summaries, kept as plain field → text dictionaries so the
/// tests can recompute every aggregate with ordinary loops, and the same rows
/// written as contract files and read the way the job reads them.
struct SummaryFixture {
    static let march = Period(year: 2024, month: 3)
    static let lastMarch = Period(year: 2023, month: 3)
    static let chains: [(name: String, prefixes: [String])] = [
        ("煤及煤化工", ["06", "2521"]), ("钒钛钢铁", ["0810", "31"]), ("生物医药", ["27"]), ("新材料", ["3091"]),
    ]

    static let area = AreaFixture.enterprises
    /// Entered this year: no 上年同期 and nothing in the store a year ago.
    static let newcomer = AreaEnterprise(number: 6, name: "米易新材料有限公司", region: "510403100003", industry: "3091", park: "高新区", output: 700)
    /// Reported a year ago, gone now.
    static let leaver = AreaEnterprise(number: 7, name: "盐边化工有限公司", region: "510402002004", industry: "2521", park: "", output: 5_000)

    /// This March's rows: the area's five enterprises and the newcomer, with hand-set
    /// output and 上年同期 (blank where the enterprise gave none) and a blank energy figure.
    static var currentRows: [[String: String]] {
        let overrides: [Int: [String: String]] = [
            1: ["gross_output": "1200", "gross_output_ly": "1000", "gross_output_ytd": "3500", "gross_output_ytd_ly": "3000"],
            2: ["gross_output": "3000", "gross_output_ly": "", "gross_output_ytd": "9000", "gross_output_ytd_ly": ""],
            3: ["gross_output": "800", "gross_output_ly": "900", "gross_output_ytd": "2500", "gross_output_ytd_ly": "2600", "energy": "", "export_delivery": ""],
            4: ["gross_output": "500", "gross_output_ly": "400", "gross_output_ytd": "1500", "gross_output_ytd_ly": "1100"],
            5: ["gross_output": "200", "gross_output_ly": "250", "gross_output_ytd": "600", "gross_output_ytd_ly": "700"],
            6: ["gross_output": "700", "gross_output_ly": "", "gross_output_ytd": "2100", "gross_output_ytd_ly": ""],
        ]
        return (area + [newcomer]).map { e in
            AreaFixture.reportFields(e, period: march).merging(overrides[e.number] ?? [:]) { $1 }
        }
    }

    /// The store's rows of last March: enterprises 1, 2, 4 and 5, and the leaver (3 and the newcomer did not report).
    static var priorRows: [[String: String]] {
        let store: [Int: (month: Int, ytd: Int)] = [1: (1100, 3200), 2: (2500, 7000), 4: (450, 1200), 5: (250, 650), 7: (5000, 15000)]
        return (area + [leaver]).compactMap { e in
            guard let figures = store[e.number] else { return nil }
            return AreaFixture.reportFields(e, period: lastMarch).merging([
                "gross_output": "\(figures.month)", "gross_output_ytd": "\(figures.ytd)",
                "sales_output": "\(figures.month * 9 / 10)", "sales_output_ytd": "\(figures.ytd * 9 / 10)",
            ]) { $1 }
        }
    }

    /// Writes `rows` as a reports file and reads it as the job does.
    static func read(_ rows: [[String: String]], period: Period, in folder: FixtureFolder, name: String? = nil) throws -> FileReadResult {
        let csv = ContractCSV.reports
        let path = try folder.write(name ?? "reports_\(period.compact).csv", text: csv.text(rows.map { csv.row($0) }))
        return try ContractFileReader(kind: .reports, options: ReadOptions(period: period)).read(path: path)
    }

    /// The register of the area, the newcomer and the leaver (who left the register in 2024-01).
    static func register(in folder: FixtureFolder) throws -> ColumnTable {
        let text = AreaFixture.registerText(area + [newcomer, leaver], overrides: [7: ["exited": "2024-01"], 6: ["entered": "2024-01"]])
        let path = try folder.write("register.csv", text: text)
        return try ContractFileReader(kind: .register).read(path: path).table
    }

    /// The summary of March from the fixture files.
    static func build(in folder: FixtureFolder, current: [[String: String]] = currentRows, parks: [String] = []) throws -> PeriodSummary {
        let reports = try read(current, period: march, in: folder)
        let prior = try read(priorRows, period: lastMarch, in: folder)
        return SummaryBuilder.build(SummaryInput(
            period: march, calendar: ReportingCalendar(), reports: reports.table, priorYear: prior.table,
            register: try register(in: folder), products: nil, capacity: nil, chains: chains, parks: parks))
    }
}

/// The number in a fixture cell (nil when blank).
func number(_ row: [String: String], _ field: String) -> Double? {
    guard let text = row[field], !text.isEmpty else { return nil }
    return Double(text)!
}

/// The groups a fixture row falls in under `breakdown` (several for chains, none for a row without park).
func groups(of row: [String: String], _ breakdown: Breakdown, chains: [(name: String, prefixes: [String])]) -> [String] {
    let region = row["region_code"]!, industry = row["industry_code"]!
    switch breakdown {
    case .area: return ["all"]
    case .county: return [String(region.prefix(6))]
    case .town: return [String(region.prefix(9))]
    case .industryClass: return [industry]
    case .division: return [String(industry.prefix(2))]
    case .chain: return chains.filter { chain in chain.prefixes.contains { industry.hasPrefix($0) } }.map(\.name)
    case .park: return row["park"]!.isEmpty ? [] : [row["park"]!]
    case .section:
        let division = Int(industry.prefix(2))!
        return [division <= 12 ? "B" : division <= 43 ? "C" : "D"]
    }
}

extension PeriodSummary {
    /// The rows of one view and breakdown, by group code.
    func rows(_ view: SummaryView, _ breakdown: Breakdown) -> [String: SummaryRow] {
        Dictionary(uniqueKeysWithValues: rows.filter { $0.view == view && $0.breakdown == breakdown }.map { ($0.code, $0) })
    }
}
