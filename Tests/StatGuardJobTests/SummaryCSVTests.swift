import Foundation
import StatGuardCore
import StatGuardTestSupport
import Testing

/// `summary.csv` as the job writes it: a stable header other tools read, and
/// no cell a spreadsheet would run as a formula.
@Suite("summary.csv")
struct SummaryCSVTests {
    static let march = Period(year: 2024, month: 3)

    /// The column list, written out: changing it breaks the bureau's downstream tools.
    static let header = [
        "period", "view", "view_label", "breakdown", "group_code", "group_name", "enterprises",
        "gross_output", "gross_output_growth_pct", "gross_output_growth_store_pct", "gross_output_contribution_pp", "gross_output_share_pct",
        "sales_output", "sales_output_growth_pct", "sales_output_growth_store_pct", "sales_output_contribution_pp", "sales_output_share_pct",
        "export_delivery", "export_delivery_growth_pct", "export_delivery_growth_store_pct", "export_delivery_contribution_pp",
        "export_delivery_share_pct",
        "revenue", "revenue_growth_pct", "revenue_growth_store_pct", "revenue_contribution_pp", "revenue_share_pct",
        "profit", "profit_growth_pct", "profit_growth_store_pct", "profit_contribution_pp", "profit_share_pct",
        "electricity", "electricity_growth_pct", "electricity_growth_store_pct", "electricity_contribution_pp", "electricity_share_pct",
        "energy", "energy_growth_pct", "energy_growth_store_pct", "energy_contribution_pp", "energy_share_pct",
        "employees", "employees_growth_pct", "employees_growth_store_pct", "employees_contribution_pp", "employees_share_pct",
        "sales_ratio_pct", "loss_making", "loss_share_pct", "reporting_due", "reporting_reported", "reporting_rate_pct",
        "product_unit", "product_output", "product_capacity", "capacity_utilisation_pct",
    ]

    static let formulaPark = "=HYPERLINK(\"http://example.com\",\"园区\")"
    static let formulaChain = "=SUM(A1:A9)"

    /// A load of March whose textile enterprise sits in a park named like a formula,
    /// with a chain named like a formula taking in its class.
    static func load() throws -> JobFixture {
        let fixture = try JobFixture(chainsYAML: JobFixture.chainsYAML + "  \"\(formulaChain)\": [\"17\"]\n")
        try fixture.writeRegister()
        try fixture.writeReports(march, AreaFixture.reportsText(period: march, overrides: [5: ["park": formulaPark]]))
        _ = try fixture.job().run(periods: [march])
        return fixture
    }

    @Test("the header is the documented column list, and every row has as many cells")
    func stableHeader() throws {
        let fixture = try Self.load()
        let records = csvRecords(try fixture.reportText(Self.march, "summary.csv"))
        #expect(records.first == Self.header)
        #expect(records.count > 1)
        for record in records { #expect(record.count == Self.header.count) }
    }

    @Test("a park or chain name starting with '=' is written with a leading apostrophe")
    func formulaNamesNeutralised() throws {
        let fixture = try Self.load()
        let records = csvRecords(try fixture.reportText(Self.march, "summary.csv")).dropFirst()
        let parks = records.filter { $0[3] == "park" }
        #expect(parks.contains { $0[5] == "'" + Self.formulaPark && $0[4] == "'" + Self.formulaPark })
        let chains = records.filter { $0[3] == "chain" }
        #expect(chains.contains { $0[5] == "'" + Self.formulaChain && $0[4] == "'" + Self.formulaChain })
        // The chain's row holds the textile enterprise's figures.
        let chain = try #require(chains.first { $0[1] == "month" && $0[5] == "'" + Self.formulaChain })
        #expect(chain[6] == "1")
        #expect(chain[7] == "2000.0")
        // No cell starts a formula; negative numbers stay numbers.
        for record in records {
            for cell in record {
                guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                #expect(Double(cell) != nil, "cell '\(cell)' could run as a formula")
            }
        }
        let textiles = try #require(records.first { $0[1] == "ytd" && $0[3] == "class" && $0[4] == "1713" })
        let profit = textiles[Self.header.firstIndex(of: "profit")!]
        #expect(profit == "-300.0")
    }
}
