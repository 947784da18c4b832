import StatGuardCore
import StatGuardIngest
import StatGuardTestSupport
import Testing

/// S08: every copy of a row after the first, keyed per kind of file.
@Suite struct DuplicateRowTests {
    @Test func everyCopyAfterTheFirstInReports() throws {
        let csv = ContractCSV.reports
        let a = TestCodes.realValid[0]
        let b = TestCodes.realValid[1]
        let text = csv.text([
            csv.row(["credit_code": a, "gross_output": "1"]),  // 2: loaded
            csv.row(["credit_code": b]),  // 3: loaded
            csv.row(["credit_code": a, "gross_output": "2"]),  // 4: S08
            csv.row(["credit_code": a.lowercased(), "gross_output": "3"]),  // 5: S08, same code in lower case
        ])
        let result = try readFixture(text)
        #expect(result.table.lines == [2, 3])
        #expect(result.table[ReportField.grossOutput] == [1, 1200.5])  // the first copy is the one kept
        #expect(result.quarantined.map(\.line) == [4, 5])
        #expect(result.quarantined.map(\.rule) == [.S08, .S08])
        #expect(result.quarantined[0].reason.contains(a))
        #expect(result.quarantined[0].reason.contains("2024-03"))
    }

    @Test func theKeyIncludesThePeriod() throws {
        let csv = ContractCSV.reports
        let text = csv.text([
            csv.row(["period": "2024-02"]),
            csv.row(["period": "2024-03"]),
            csv.row(["period": "2024年3月"]),
        ])
        let result = try readFixture(text, name: "history.csv", kind: .reports)
        #expect(result.table.lines == [2, 3])
        #expect(result.quarantined.map(\.rule) == [.S08])
        #expect(result.quarantined.map(\.line) == [4])
    }

    @Test func aQuarantinedFirstCopyDoesNotBlockTheNext() throws {
        let csv = ContractCSV.reports
        let text = csv.text([
            csv.row(["gross_output": "abc"]),  // 2: S05
            csv.row(["gross_output": "5"]),  // 3: the first usable copy, loaded
            csv.row(["gross_output": "6"]),  // 4: S08
        ])
        let result = try readFixture(text)
        #expect(result.quarantined.map(\.rule) == [.S05, .S08])
        #expect(result.table[ReportField.grossOutput] == [5])
    }

    @Test func productsAreKeyedByProduct() throws {
        let csv = ContractCSV.products
        let text = csv.text([
            csv.row(["product_code": "2501", "product_name": "焦炭"]),
            csv.row(["product_code": "2601", "product_name": "甲醇"]),
            csv.row(["product_code": "2501", "product_name": "焦炭（二期）"]),
            csv.row(["product_code": "2501", "credit_code": TestCodes.realValid[1]]),
        ])
        let result = try readFixture(text, name: "products_202403.csv")
        #expect(result.table.lines == [2, 3, 5])
        #expect(result.quarantined.map(\.rule) == [.S08])
        #expect(result.quarantined.first?.reason.contains("product '2501'") == true)
    }

    @Test func registerIsKeyedByEnterpriseAlone() throws {
        let csv = ContractCSV.register
        let text = csv.text([csv.row(), csv.row(["entered": "2021-05"]), csv.row(["credit_code": TestCodes.realValid[2]])])
        let result = try readFixture(text, name: "register.csv")
        #expect(result.table.lines == [2, 4])
        #expect(result.quarantined.map(\.rule) == [.S08])
        #expect(result.quarantined.first?.reason.contains("period") == false)
    }

    @Test func capacityAndAdmin() throws {
        let capacity = ContractCSV.capacity
        let capacityResult = try readFixture(capacity.text([
            capacity.row(), capacity.row(["product_code": "2601"]), capacity.row(["annual_capacity": "1"]),
        ]), name: "capacity.csv")
        #expect(capacityResult.quarantined.map(\.line) == [4])
        let admin = ContractCSV.admin
        let adminResult = try readFixture(admin.text([admin.row(), admin.row(["grid_electricity": "1"])]), name: "admin_202403.csv")
        #expect(adminResult.quarantined.map(\.rule) == [.S08])
    }
}
