import Testing
@testable import StatGuardRules

@Suite("Errors that teach")
struct ErrorMessageTests {
    func error(_ text: String, as type: ValueType = .truth) -> RuleSyntaxError? {
        do {
            _ = try Compiler.compile(text, as: type)
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownFieldListsTheNearestNames() throws {
        let e = try #require(error("gros_output > 0"))
        #expect(e.column == 1)
        #expect(e.message.contains("unknown field 'gros_output'"))
        #expect(e.message.contains("'gross_output'"))
    }

    @Test func eachMistakeIsLocatedAndExplained() throws {
        let cases: [(String, Int, String)] = [
            ("gross_output > ", 16, "expected a number, a string, a field or a function"),
            ("gross_output = 1", 14, "compare with '=='"),
            ("(gross_output > 1", 18, "expected ')'"),
            ("if gross_output > 1 then 1", 27, "expected 'else'"),
            ("gross_output + 1", 14, "expected a true/false expression"),
            ("lag(gross_output, 5) > 1", 19, "lag reaches 1, 2 or 3 periods back"),
            ("median_by(gross_output, city) > 1", 25, "expected a group"),
            ("sqrt(gross_output) > 1", 1, "unknown function 'sqrt'"),
            ("name > 1", 6, "text can only be compared with == or !="),
            ("\"x", 1, "never closes"),
            ("gross_output > 1 and 2", 22, "'and' needs true/false on its right"),
        ]
        for (text, column, message) in cases {
            let e = try #require(error(text), "\(text) should not compile")
            #expect(e.column == column, "\(text): column \(e.column)")
            #expect(e.message.contains(message), "\(text): \(e.message)")
        }
    }

    @Test func placeholdersAreCheckedToo() {
        #expect(throws: RuleSyntaxError.self) { try MessageTemplate("产值{gros_output}") }
        #expect(throws: RuleSyntaxError.self) { try MessageTemplate("产值{gross_output") }
        #expect((try? MessageTemplate("产值{gross_output}，{name}")) != nil)
    }
}
