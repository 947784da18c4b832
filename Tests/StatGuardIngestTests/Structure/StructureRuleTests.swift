import StatGuardCore
import StatGuardIngest
import StatGuardTestSupport
import Testing

/// One row of a reports file with some cells changed, and what must happen to it.
struct RowCase: Sendable, CustomTestStringConvertible {
    var overrides: [String: String]
    /// The rule the row must fail, or nil when it must load.
    var rule: StructureRule?
    /// Text the reason must contain (the column, the value, the explanation).
    var mentions: [String]

    init(_ overrides: [String: String], _ rule: StructureRule?, _ mentions: [String] = []) {
        self.overrides = overrides
        self.rule = rule
        self.mentions = mentions
    }

    var testDescription: String {
        "\(overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }.joined(separator: " ")) → \(rule?.rawValue ?? "loads")"
    }
}

/// Reads a reports file with a good row, the case's row (line 3) and another good row.
func readCase(_ rowCase: RowCase, csv: ContractCSV = .reports, name: String = "reports_202403.csv") throws -> FileReadResult {
    var overrides = rowCase.overrides
    if overrides["credit_code"] == nil { overrides["credit_code"] = TestCodes.realValid[0] }
    let rows = [
        csv.row(["credit_code": TestCodes.valid(1)]),
        csv.row(overrides),
        csv.row(["credit_code": TestCodes.valid(2)]),
    ]
    return try readFixture(csv.text(rows), name: name)
}

/// Checks that the case's row was quarantined for its rule, or loaded.
func expectOutcome(_ rowCase: RowCase, _ result: FileReadResult, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let rule = rowCase.rule else {
        #expect(result.quarantined.isEmpty, "\(result.quarantined.map(\.reason))", sourceLocation: sourceLocation)
        #expect(result.table.lines == [2, 3, 4], sourceLocation: sourceLocation)
        return
    }
    #expect(result.table.lines == [2, 4], sourceLocation: sourceLocation)
    guard result.quarantined.count == 1, let row = result.quarantined.first else {
        Issue.record("expected one quarantined row, got \(result.quarantined.map(\.reason))", sourceLocation: sourceLocation)
        return
    }
    #expect(row.rule == rule, "\(row.reason)", sourceLocation: sourceLocation)
    #expect(row.line == 3, sourceLocation: sourceLocation)
    #expect(row.reason.hasPrefix(rule.rawValue + " "), "\(row.reason)", sourceLocation: sourceLocation)
    for text in rowCase.mentions {
        #expect(row.reason.contains(text), "\(row.reason) should mention \(text)", sourceLocation: sourceLocation)
    }
}

/// Every structural rule fires on its case, and stays quiet on the case next to it.
@Suite struct StructureRuleTests {
    @Test("S01 missing required field", arguments: [
        RowCase(["name": ""], .S01, ["'单位详细名称' (name)", "blank"]),
        RowCase(["credit_code": ""], .S01, ["credit_code"]),
        RowCase(["region_code": "  "], .S01, ["region_code"]),
        RowCase(["period": ""], .S01, ["period"]),
        RowCase(["gross_output": ""], .S01, ["gross_output"]),
        RowCase(["gross_output": "-"], .S01, ["gross_output", "'-'", "placeholder"]),
        RowCase(["electricity": "—"], .S01, ["electricity"]),
        RowCase(["employees": "/"], .S01, ["employees"]),
        // Close: optional fields may be blank or a placeholder; zero is a figure.
        RowCase(["park": ""], nil),
        RowCase(["gross_output_ly": "", "energy": "—", "export_delivery": "-", "gross_output_ytd_ly": "/"], nil),
        RowCase(["gross_output": "0", "employees": "0", "electricity": "0"], nil),
    ])
    func s01(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test("S02 invalid credit code", arguments: [
        RowCase(["credit_code": "91110000101623741J"], .S02, ["'91110000101623741J'", "'J'", "'K'"]),
        RowCase(["credit_code": "9.13502E+17"], .S02, ["'9.13502E+17'", "scientific notation", "Excel"]),
        RowCase(["credit_code": "9111000010162374"], .S02, ["16 characters"]),
        RowCase(["credit_code": "9111000010I623741K"], .S02, ["'I'"]),
        RowCase(["credit_code": TestCodes.realFailing], .S02, [TestCodes.realFailing]),
        // Close: real codes in any case pass.
        RowCase(["credit_code": "91110000101623741k"], nil),
        RowCase(["credit_code": "911101066976941872"], nil),
        RowCase(["credit_code": "91350200MA2YJ1XR9G"], nil),
    ])
    func s02(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test("S03 industry code not an industrial class", arguments: [
        RowCase(["industry_code": "7010"], .S03, ["'7010'", "outside industry"]),
        RowCase(["industry_code": "0600"], .S03, ["'0600'", "not a class"]),
        RowCase(["industry_code": "4700"], .S03, ["outside industry"]),
        RowCase(["industry_code": "06"], .S03, ["4-digit"]),
        RowCase(["industry_code": "25210"], .S03, ["4-digit"]),
        RowCase(["industry_code": "25a1"], .S03, ["4-digit"]),
        RowCase(["industry_code": "61"], .S03, ["4-digit"]),
        // Close: classes of B, C and D, with or without the leading zero.
        RowCase(["industry_code": "0610"], nil),
        RowCase(["industry_code": "610"], nil),
        RowCase(["industry_code": "4511"], nil),
    ])
    func s03(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test("S04 invalid region code", arguments: [
        RowCase(["region_code": "11010800100"], .S04, ["'11010800100'", "12 digits"]),
        RowCase(["region_code": "1101080010021"], .S04),
        RowCase(["region_code": "11010800100A"], .S04),
        RowCase(["region_code": "1.10108E+11"], .S04),
        // Close: 12 digits, with a leading zero or spaces.
        RowCase(["region_code": "650102000000"], nil),
        RowCase(["region_code": " 110108001002 "], nil),
    ])
    func s04(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test("S05 unreadable value", arguments: [
        RowCase(["gross_output": "12a"], .S05, ["'12a' is not a number"]),
        RowCase(["gross_output": "1,23"], .S05, ["'1,23'"]),
        RowCase(["gross_output": "1234,567"], .S05, ["'1234,567'"]),
        RowCase(["profit_ytd": "--5"], .S05),
        RowCase(["employees": "12.5"], .S05, ["not a whole number"]),
        RowCase(["period": "2024-13"], .S05, ["'2024-13'", "not a period"]),
        RowCase(["period": "24-03"], .S05, ["'24-03'"]),
        // Close: the same figures written the ways the contract allows.
        RowCase(["gross_output": "12,345.6", "employees": "1,200", "profit_ytd": "-1,234.5"], nil),
        RowCase(["gross_output": "１２，３４５．６", "employees": "12.0"], nil),
        RowCase(["gross_output": "1.5E+3"], nil),
    ])
    func s05(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test("S06 negative value", arguments: [
        RowCase(["gross_output": "-5"], .S06, ["gross_output", "-5", "cannot be negative"]),
        RowCase(["employees": "-1"], .S06),
        RowCase(["electricity": "－3"], .S06),
        RowCase(["export_delivery": "-0.5"], .S06),  // optional fields too
        // Close: profit may be negative; minus zero is zero.
        RowCase(["profit_ytd": "-5"], nil),
        RowCase(["gross_output": "-0"], nil),
    ])
    func s06(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test("S07 wrong period", arguments: [
        RowCase(["period": "2024-04"], .S07, ["2024-04", "2024-03"]),
        RowCase(["period": "2023-03"], .S07),
        RowCase(["period": "2024年1-2月"], .S07, ["2024-02"]),
        // Close: the load's period in other spellings.
        RowCase(["period": "202403"], nil),
        RowCase(["period": "2024年3月"], nil),
        RowCase(["period": "2024.3"], nil),
    ])
    func s07(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }

    @Test func s09WrongNumberOfCells() throws {
        let csv = ContractCSV.reports
        let text = CSVEncoding.record(csv.header)
            + CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(1)]))
            + CSVEncoding.record(csv.row() + ["extra"])
            + CSVEncoding.record(Array(csv.row(["credit_code": TestCodes.valid(2)]).dropLast()))
            + CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(3), "name": "北京,焦化"]))  // close: a quoted comma
        let result = try readFixture(text)
        #expect(result.quarantined.map(\.rule) == [.S09, .S09])
        #expect(result.quarantined.map(\.line) == [3, 4])
        #expect(result.quarantined[0].reason.contains("20 cells, the header has 19"))
        #expect(result.quarantined[1].reason.contains("18 cells, the header has 19"))
        #expect(result.quarantined[0].cells.count == 20)
        #expect(result.table.strings(ReportField.name) == ["北京焦化有限公司", "北京,焦化"])
    }

    @Test func everyFailureIsListedAndTheFirstIsTheRule() throws {
        let rowCase = RowCase(["region_code": "1", "gross_output": "-5", "employees": "x"], .S04, ["S04 ", "; S06 ", "; S05 "])
        expectOutcome(rowCase, try readCase(rowCase))
    }

    /// Reads the case in another contract file and checks its outcome.
    func check(
        _ csv: ContractCSV, _ name: String, _ overrides: [String: String], _ rule: StructureRule?, _ mentions: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let rowCase = RowCase(overrides, rule, mentions)
        expectOutcome(rowCase, try readCase(rowCase, csv: csv, name: name), sourceLocation: sourceLocation)
    }

    @Test func otherFilesApplyTheirOwnRules() throws {
        // The register: codes from closed lists, periods without a load period.
        try check(.register, "register.csv", ["above_scale": "2"], .S05, ["'2' is not one of 0, 1"])
        try check(.register, "register.csv", ["status": "5"], .S05, ["1, 2, 3, 4"])
        try check(.register, "register.csv", ["status": "4", "above_scale": "0"], nil)
        try check(.register, "register.csv", ["entered": "2019-13"], .S05)
        try check(.register, "register.csv", ["entered": "2019-12", "exited": "2024年3月"], nil)
        try check(.register, "register.csv", ["industry_code": "7010"], .S03)
        // Admin data covers every trade: a service class is fine there, a malformed code is not.
        try check(.admin, "admin_202403.csv", ["industry_code": "7010"], nil)
        try check(.admin, "admin_202403.csv", ["industry_code": "70a0"], .S03)
        try check(.admin, "admin_202403.csv", ["period": "2024-02"], .S07)
        try check(.admin, "admin_202403.csv", ["invoiced_sales": "-"], .S01)
        // Products and capacity.
        try check(.products, "products_202403.csv", ["output": "-1"], .S06)
        try check(.products, "products_202403.csv", ["unit": ""], .S01)
        try check(.products, "products_202403.csv", ["credit_code": "9.13502E+17"], .S02, ["scientific notation"])
        try check(.capacity, "capacity.csv", ["annual_capacity": "5万"], .S05)
        try check(.capacity, "capacity.csv", ["annual_capacity": "50,000"], nil)
    }

    @Test func rulesDescribeThemselves() {
        #expect(StructureRule.allCases.map(\.rawValue) == (1...11).map { $0 < 10 ? "S0\($0)" : "S\($0)" })
        for rule in StructureRule.allCases {
            #expect(!rule.title.isEmpty)
            #expect(!rule.titleZh.isEmpty)
            #expect(rule.category == .structure)
            #expect(rule.severity == .error)
        }
        #expect(Set(StructureRule.allCases.map(\.title)).count == 11)
        #expect(Set(StructureRule.allCases.map(\.titleZh)).count == 11)
    }
}
