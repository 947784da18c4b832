import Testing
@testable import StatGuardRules

@Suite("Parsing and precedence")
struct ParserTests {
    /// Evaluates a constant expression on a one-firm context.
    func value(_ text: String, _ type: ValueType = .number) throws -> Double {
        var evaluator = Evaluator(context: RuleFixture.context([Firm(number: 1, now: [:])]))
        return evaluator.evaluate(try Compiler.compile(text, as: type)).values[0]
    }

    @Test func multiplicationBindsTighterThanAddition() throws {
        #expect(try value("1 + 2 * 3") == 7)
        #expect(try value("(1 + 2) * 3") == 9)
        #expect(try value("10 - 4 - 3") == 3)  // left associative
        #expect(try value("12 / 3 / 2") == 2)
        #expect(try value("-2 * 3") == -6)
    }

    @Test func comparisonsBindTighterThanLogic() throws {
        #expect(try value("1 < 2 and 3 < 2", .truth) == 0)
        #expect(try value("1 < 2 or 3 < 2 and 1 > 2", .truth) == 1)  // and before or
        #expect(try value("not 1 > 2 and 2 > 1", .truth) == 1)
        #expect(try value("2 in [1, 2, 3]", .truth) == 1)
        #expect(try value("5 in [1, -5]", .truth) == 0)
    }

    @Test func conditionalsAndFunctions() throws {
        #expect(try value("if 1 > 2 then 10 else 20") == 20)
        #expect(try value("abs(-3) + min(4, 2, 8) + max(1, 5)") == 10)
        #expect(try value("gross_output / employees") == 10)
    }
}
