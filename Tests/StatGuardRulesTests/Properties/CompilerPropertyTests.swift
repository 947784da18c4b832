import Foundation
import StatGuardTestSupport
import Testing
@testable import StatGuardRules

/// Whatever text a pipeline file holds, the compiler gives an expression or an
/// error located inside the text; it never traps or overflows the stack.
@Suite("Compiler properties")
struct CompilerPropertyTests {
    static let vocabulary = [
        "gross_output", "sales_output", "employees", "name", "industry_code", "opens_year", "period_month", "class", "gros_output",
        "abs", "min", "max", "lag", "ly", "median_by", "sum_by", "count_by", "starts_with", "sqrt",
        "0", "-0", "1", "12", "1e19", "1e400", "1e-400", "5e-324", "1.5", "1..2", ".5", "1_000", "9" + String(repeating: "9", count: 400),
        "\"25\"", "'x'", "\"", "true", "false", "and", "or", "not", "in", "if", "then", "else",
        "(", ")", "[", "]", ",", "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "=", "!", "{", "}", "企业", "\t", "\n",
    ]

    /// The outcome of compiling `text` as a check and as a placeholder: nil, or an error that must lie inside the text.
    func expectCompilesOrLocated(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let width = Array(text).count
        for type in [ValueType.truth, .number] {
            do {
                _ = try Compiler.compile(text, as: type)
            } catch {
                #expect((1...(width + 1)).contains(error.column), "column \(error.column) of \(width): \(error.message)", sourceLocation: sourceLocation)
                #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            }
        }
        do {
            _ = try MessageTemplate(text)
        } catch {
            #expect(error.column >= 1, "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    @Test func randomTokenSequencesCompileOrGiveALocatedError() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...24, using: &rng)
            let text = (0..<count).map { _ in Self.vocabulary.randomElement(using: &rng)! }
                .joined(separator: Bool.random(using: &rng) ? " " : "")
            expectCompilesOrLocated(text)
        }
    }

    @Test func randomByteStringsCompileOrGiveALocatedError() {
        var rng = SeededGenerator(seed: 12)
        let interesting = Array("()[]{},+-*/<>=!\"' .e0123456789_abcdefgimnorst".utf8)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...64, using: &rng)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            expectCompilesOrLocated(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A construct wrapped around an expression: its text before and after, the
    /// levels of nesting it adds, and whether the result is one operand (a prefix
    /// operator wraps all of it only then; `a + (x)` is not one operand for `-`).
    struct Wrapper {
        var open: String, close: String, levels: Int, prefix = false, leavesOneOperand = true
    }

    /// Random stacks of nesting constructs around a field: within the limit they
    /// compile and evaluate on a 512 KiB stack, past it they are refused where the limit is crossed.
    @Test func randomDeepNestingsCompileOrAreRefusedAtTheLimit() {
        var rng = SeededGenerator(seed: 13)
        let numberWrappers = [
            Wrapper(open: "(", close: ")", levels: 1), Wrapper(open: "abs(", close: ")", levels: 1),
            Wrapper(open: "-", close: "", levels: 1, prefix: true), Wrapper(open: "- ", close: "", levels: 1, prefix: true),
            Wrapper(open: "min(1, ", close: ")", levels: 1), Wrapper(open: "(if true then ", close: " else 1)", levels: 2),
            Wrapper(open: "lag(gross_output, 1) + (", close: ")", levels: 1, leavesOneOperand: false),
        ]
        let truthWrappers = [
            Wrapper(open: "not ", close: "", levels: 1, prefix: true), Wrapper(open: "(", close: ")", levels: 1),
            Wrapper(open: "(if opens_year then ", close: " else false)", levels: 2),
            Wrapper(open: "true and (", close: ")", levels: 1, leavesOneOperand: false),
            Wrapper(open: "1 in [1] or ", close: "", levels: 0, leavesOneOperand: false),
        ]
        func wrap(_ text: inout String, _ levels: inout Int, _ oneOperand: inout Bool, in wrappers: [Wrapper]) {
            let w = wrappers.randomElement(using: &rng)!
            if w.prefix && !oneOperand { text = "(" + text + ")"; levels += 1 }
            text = w.open + text + w.close
            levels += w.levels
            oneOperand = w.leavesOneOperand
        }
        var compiled = 0, refused = 0
        for _ in 0..<600 {
            var text = "gross_output", levels = 0, oneOperand = true
            for _ in 0..<Int.random(in: 0...90, using: &rng) { wrap(&text, &levels, &oneOperand, in: numberWrappers) }
            text += " >= 0"
            oneOperand = true  // `not` binds looser than a comparison
            for _ in 0..<Int.random(in: 0...30, using: &rng) { wrap(&text, &levels, &oneOperand, in: truthWrappers) }
            do {
                let expression = try Compiler.compile(text, as: .truth)
                #expect(levels <= ExpressionLimits.nesting, "\(levels) levels compiled")
                let context = RuleFixture.context([Firm(number: 1, now: [.grossOutput: 1e308])])
                nonisolated(unsafe) var values: [Double] = []
                onSmallStack {
                    var evaluator = Evaluator(context: context)
                    values = evaluator.evaluate(expression).values
                }
                #expect(values.count == 1)
                compiled += 1
            } catch {
                refused += 1
                #expect(levels > ExpressionLimits.nesting, "\(levels) levels: \(error.message)")
                #expect(error.message.contains("nests too deeply") || error.message.contains("too long"), "\(error.message)")
                #expect((1...Array(text).count).contains(error.column))
            }
        }
        #expect(compiled > 100 && refused > 100, "both sides of the limit: \(compiled) compiled, \(refused) refused")
    }

    /// Generated expressions are well typed: they compile, whatever their depth (within the limits).
    @Test func randomWellTypedExpressionsCompile() throws {
        var generator = RandomExpression(rng: SeededGenerator(seed: 14))
        for _ in 0..<3_000 {
            let text = generator.truth(Int.random(in: 0...6, using: &generator.rng))
            do {
                _ = try Compiler.compile(text, as: .truth)
            } catch {
                Issue.record("\(text): column \(error.column): \(error.message)")
            }
        }
    }
}
