import StatGuardCore
import StatGuardIngest
import Testing

/// Header cells to contract fields (data contract section 1, "header").
@Suite struct HeaderMatcherTests {
    let fields = FileKind.reports.fields
    var matcher: HeaderMatcher { HeaderMatcher(fields: fields) }

    func index(_ name: String) -> Int { fields.firstIndex { $0.name == name }! }

    @Test func chineseAndEnglishNames() {
        for field in fields {
            #expect(matcher.match([field.header]).fieldOfColumn == [index(field.name)], "\(field.header)")
            #expect(matcher.match([field.name]).fieldOfColumn == [index(field.name)], "\(field.name)")
        }
    }

    @Test("spellings that must match gross_output", arguments: [
        "工业总产值(当年价格)本月", "工业总产值（当年价格）本月", " 工业总产值（当年价格）本月 ", "工业总产值 (当年价格) 本月",
        "工业总产值（当年价格)本月", "gross_output", "Gross_Output", "GROSS OUTPUT", " gross_output\t", "grossoutput",
        "\u{FEFF}gross_output", "工业总产值\u{3000}(当年价格)本月",
    ])
    func grossOutputSpellings(_ header: String) {
        #expect(matcher.match([header]).fieldOfColumn == [index("gross_output")])
    }

    @Test func nearMissesDoNotMatch() {
        let match = matcher.match(["工业总产值本月", "gross-output", "工业总产值[当年价格]本月"])
        #expect(match.fieldOfColumn == [nil, nil, nil])
        #expect(match.unknownColumns == ["工业总产值本月", "gross-output", "工业总产值[当年价格]本月"])
    }

    @Test func aliasesFromThePipeline() {
        let aliased = HeaderMatcher(fields: fields, aliases: ["纳税人识别号": "credit_code", "产值": "gross_output", "x": "no_such_field"])
        let match = aliased.match(["纳税人识别号", "产值", "x"])
        #expect(match.fieldOfColumn == [index("credit_code"), index("gross_output"), nil])
        #expect(match.unknownColumns == ["x"])
    }

    @Test func missingRequiredFieldsAreListedInContractOrder() {
        let header = fields.filter { !["industry_code", "employees", "park"].contains($0.name) }.map(\.header)
        let match = matcher.match(header)
        #expect(match.missingRequired.map(\.name) == ["industry_code", "employees"])  // park is optional
        #expect(match.duplicate == nil)
    }

    @Test func twoColumnsForOneField() {
        let match = matcher.match(["credit_code", "name", "统一社会信用代码"])
        #expect(match.duplicate?.field.name == "credit_code")
        #expect(match.duplicate?.headers == ["credit_code", "统一社会信用代码"])
    }

    @Test func matchCountIgnoresUnknownAndRepeatedColumns() {
        #expect(matcher.matchCount(["credit_code", "统一社会信用代码", "备注", "name"]) == 2)
    }

    @Test func normalisation() {
        #expect(HeaderMatcher.normalize(" 工业总产值（当年价格）本月 ") == "工业总产值(当年价格)本月")
        #expect(HeaderMatcher.normalize("Credit_Code") == "creditcode")
    }
}
