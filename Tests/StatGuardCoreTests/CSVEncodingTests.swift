import StatGuardCore
import Testing

/// RFC 4180 fields and records.
@Suite struct CSVEncodingTests {
    @Test func plainFieldsAreNotQuoted() {
        #expect(CSVEncoding.field("北京焦化有限公司") == "北京焦化有限公司")
        #expect(CSVEncoding.field("") == "")
        #expect(CSVEncoding.field("12345.6") == "12345.6")
        #expect(CSVEncoding.field(" spaced ") == " spaced ")
    }

    @Test func specialCharactersAreQuoted() {
        #expect(CSVEncoding.field("北京,焦化") == "\"北京,焦化\"")
        #expect(CSVEncoding.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVEncoding.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVEncoding.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVEncoding.field("\"") == "\"\"\"\"")
    }

    @Test func records() {
        #expect(CSVEncoding.record(["a", "b,c", ""]) == "a,\"b,c\",\n")
        #expect(CSVEncoding.record(["a"], lineEnd: "\r\n") == "a\r\n")
        #expect(CSVEncoding.record([]) == "\n")
    }
}
