import Testing
@testable import StatGuardRules

/// Issue 11: pipeline files that crashed the rule compiler instead of being refused with a located error.
@Suite("The compiler refuses, never traps")
struct CompilerTrapTests {
    func error(_ text: String) -> RuleSyntaxError? {
        do {
            _ = try Compiler.compile(text, as: .truth)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["1e19", "1e308", "-1e19", "1.5", "0", "4"])
    func lagWithAPeriodCountBeyondIntIsRefused(count: String) throws {
        let e = try #require(error("lag(gross_output, \(count)) > 0"))
        #expect(e.column == 19)
        #expect(e.message.contains("lag reaches 1, 2 or 3 periods back"))
    }

    @Test func lagWithAWholePeriodCountWrittenAsADecimalStillCompiles() {
        #expect(error("lag(gross_output, 1.0) > 0 and lag(gross_output, 12e0) > 0") == nil)
    }

    @Test(arguments: ["1e400", "1e309", "2e308"])
    func numberLiteralBeyondDoubleIsRefused(literal: String) throws {
        let e = try #require(error("gross_output > \(literal)"))
        #expect(e.column == 16)
        #expect(e.message == "'\(literal)' is too large a number")
    }
}
