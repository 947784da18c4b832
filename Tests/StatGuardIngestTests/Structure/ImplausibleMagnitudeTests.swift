import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Regressions (issue 11): a figure the contract's syntax allows but no enterprise can have
/// was loaded (or, past Double's range, read as "not a number"), to overflow integer
/// conversions downstream. It is S10, quarantined with its column and value.
@Suite struct ImplausibleMagnitudeTests {
    @Test("S10 implausible magnitude", arguments: [
        RowCase(["gross_output": "5e15"], .S10, ["'工业总产值(当年价格)本月' (gross_output)", "5e15", "1e12"]),
        RowCase(["electricity": "1,000,000,000,001"], .S10, ["electricity", "1,000,000,000,001"]),
        RowCase(["energy": "２０００００００００００００"], .S10, ["energy"]),
        RowCase(["profit_ytd": "-3e12"], .S10, ["profit_ytd"]),
        RowCase(["employees": "20000000"], .S10, ["employees", "10,000,000"]),
        RowCase(["gross_output": "1e400"], .S10, ["'1e400'", "too large"]),
        RowCase(["revenue_ytd": String(repeating: "9", count: 400)], .S10, ["revenue_ytd"]),
        RowCase(["gross_output_ly": "-1e999"], .S10, ["gross_output_ly"]),  // optional fields too
        // Close: the largest plausible figures load.
        RowCase(["gross_output": "1e12", "gross_output_ytd": "1,000,000,000,000", "employees": "10000000", "profit_ytd": "-1e12"], nil),
    ])
    func absurdFigureIsS10NotLoaded(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test func absurdAndNegativeListsBothRules() throws {
        let rowCase = RowCase(["gross_output": "-5e15"], .S06, ["S06 ", "; S10 "])
        expectOutcome(rowCase, try readCase(rowCase))
    }

    @Test func otherFilesToo() throws {
        let products = ContractCSV.products
        let result = try readFixture(products.text([products.row(["output": "1e13"])]), name: "products_202403.csv")
        #expect(result.quarantined.map(\.rule) == [.S10])
        let admin = ContractCSV.admin
        let adminResult = try readFixture(admin.text([admin.row(["invoiced_sales": "1e400"])]), name: "admin_202403.csv")
        #expect(adminResult.quarantined.map(\.rule) == [.S10])
    }

    @Test func loadedFiguresAreFiniteAndPlausible() throws {
        var generator = SeededGenerator(seed: 1012)
        let csv = ContractCSV.reports
        let figures = ["1e11", "9.99e11", "1e12", "1.000001e12", "1e13", "1e308", "1e309", "1e400", "-1e12", "-2e12", "5"]
        let counts = ["230", "1e7", "10000001", "2e9", "1e400", "9223372036854775808"]
        let rows = (0..<60).map { i in
            csv.row(["credit_code": TestCodes.valid(i), "gross_output": figures.randomElement(using: &generator)!,
                     "employees": counts.randomElement(using: &generator)!, "profit_ytd": figures.randomElement(using: &generator)!])
        }
        let result = try readFixture(csv.text(rows))
        #expect(result.rowsLoaded > 0 && !result.quarantined.isEmpty)
        for (index, field) in result.kind.fields.enumerated() {
            let limit = field.type == .count ? PlausibleMagnitude.count : PlausibleMagnitude.figure
            for value in result.table.numbers[index] where !value.isNaN {
                #expect(value.isFinite && abs(value) <= limit, "\(field.name) = \(value)")
                #expect(Int64(exactly: value.rounded()) != nil, "\(field.name) = \(value) converts to an integer")
            }
        }
        #expect(result.quarantined.allSatisfy { [.S10, .S05, .S06].contains($0.rule) })
    }

    @Test func ruleDescribesItself() {
        #expect(StructureRule.S10.title == "implausible magnitude")
        #expect(StructureRule.S10.titleZh == "数值量级不合理")
        #expect(StructureRule.S10.category == .structure)
        #expect(StructureRule.S10.severity == .error)
    }
}
