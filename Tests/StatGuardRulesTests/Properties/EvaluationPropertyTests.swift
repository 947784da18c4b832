import StatGuardChecks
import StatGuardCore
import StatGuardTestSupport
import Testing
@testable import StatGuardRules

/// Whatever expression compiles, it evaluates over any figures without a trap,
/// and every row is counted once: passed, failed or not evaluated.
@Suite("Evaluation properties")
struct EvaluationPropertyTests {
    /// Figures at the edges: zeros of both signs, the largest and smallest doubles, subnormals, past Int64, blanks.
    static let figures: [Double] = [
        0, -0.0, 1, -1, 980, 1000, 1e15, 1e19, -1e19, 1e308, -1e308, .greatestFiniteMagnitude,
        .leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNonzeroMagnitude, .nan, .nan,
    ]
    static let numericFields = ReportField.allCases.filter { Compiler.numericFields[$0.spec.name] != nil }

    /// A few firms with random figures this period, last period and a year ago (or no history).
    static func randomFirms(_ rng: inout SeededGenerator) -> [Firm] {
        func figures() -> [ReportField: Double] {
            Dictionary(uniqueKeysWithValues: numericFields.map { ($0, Self.figures.randomElement(using: &rng)!) })
        }
        return (0..<Int.random(in: 1...6, using: &rng)).map { i in
            Firm(
                number: i, industry: [2521, 3110, 2750].randomElement(using: &rng)!, town: 510402001 + UInt64(i % 2), now: figures(),
                lastPeriod: Bool.random(using: &rng) ? figures() : nil, lastYear: Bool.random(using: &rng) ? figures() : nil,
                park: ["", "园区1", "园区2"].randomElement(using: &rng)!)
        }
    }

    @Test func randomExpressionsEvaluateAndEveryRowIsCountedOnce() throws {
        var generator = RandomExpression(rng: SeededGenerator(seed: 21))
        for _ in 0..<1_000 {
            let depth = Int.random(in: 0...5, using: &generator.rng)
            let check = generator.truth(depth)
            let when = Bool.random(using: &generator.rng) ? generator.truth(depth) : nil
            let message = "值{\(generator.number(depth))}，{name}"
            let rule = try RuleDefinition.compile(
                id: "T01", category: .consistency, severity: .warning, when: when, check: check,
                messageZh: message, messageEn: message, enabled: true)
            let firms = Self.randomFirms(&generator.rng)
            let period = Period(year: 2024, month: Int.random(in: 1...12, using: &generator.rng))
            let result = UserRules.run([rule], context: RuleFixture.context(firms, period: period)).results[0]
            #expect(result.evaluated + result.notEvaluated.values.reduce(0, +) == firms.count, "\(check)")
            #expect(result.findings.count == result.failed)
            #expect(result.findings.allSatisfy { !rule.renderer.message($0, .zh).isEmpty && !rule.renderer.observed($0).isEmpty })
        }
    }

    /// `not E` holds exactly where `E` does not, is missing where `E` is, for the same reason.
    @Test func negationMirrorsTheExpressionRowByRow() throws {
        var generator = RandomExpression(rng: SeededGenerator(seed: 22))
        for _ in 0..<1_000 {
            let text = generator.truth(Int.random(in: 0...5, using: &generator.rng))
            let context = RuleFixture.context(Self.randomFirms(&generator.rng))
            var evaluator = Evaluator(context: context)
            let e = evaluator.evaluate(try Compiler.compile(text, as: .truth))
            let negated = evaluator.evaluate(try Compiler.compile("not (\(text))", as: .truth))
            for row in 0..<context.reports.count {
                #expect(e.values[row].isNaN ? negated.values[row].isNaN : negated.values[row] == 1 - e.values[row], "\(text)")
                #expect([0, 1].contains(e.values[row]) || e.values[row].isNaN)
            }
            #expect(negated.dividedByZero == e.dividedByZero)
            #expect(e.dividedByZero.allSatisfy { e.values[$0].isNaN })
        }
    }
}
