import StatGuardCore
import StatGuardTestSupport
@testable import StatGuardRules

/// Random, well-typed rule expressions for property tests: every construct of
/// the language, literals at the edges of Double, nested up to `depth` levels.
struct RandomExpression {
    static let numericFields = Compiler.numericFields.keys.sorted()
    static let literals = ["0", "-0", "1", "2.5", "0.001", "1e308", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "1e19", "1_000"]
    static let groups = GroupKey.allCases.map(\.rawValue)

    var rng: SeededGenerator

    private mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &rng)! }
    private mutating func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &rng) == 0 }

    /// A number-valued expression.
    mutating func number(_ depth: Int) -> String {
        if depth <= 0 || chance(4) {
            switch Int.random(in: 0...8, using: &rng) {
            case 0...2: return pick(Self.numericFields)
            case 3, 4: return pick(Self.literals)
            case 5: return "lag(\(pick(Self.numericFields)), \(pick(["1", "2", "3", "12", "1.0"])))"
            case 6: return "ly(\(pick(Self.numericFields)))"
            case 7: return chance(2) ? "count_by(\(pick(Self.groups)))" : "\(pick(["median_by", "sum_by"]))(\(pick(Self.numericFields)), \(pick(Self.groups)))"
            default: return "period_month"
            }
        }
        let d = depth - 1
        switch Int.random(in: 0...6, using: &rng) {
        case 0, 1: return (0...Int.random(in: 1...4, using: &rng)).map { _ in number(d) }.joined(separator: " \(pick(["+", "-", "*", "/"])) ")
        case 2: return "-\(number(d))"
        case 3: return "abs(\(number(d)))"
        case 4: return "\(pick(["min", "max"]))(\((0...Int.random(in: 1...3, using: &rng)).map { _ in number(d) }.joined(separator: ", ")))"
        case 5: return "(if \(truth(d)) then \(number(d)) else \(number(d)))"
        default: return "(\(number(d)))"
        }
    }

    /// A true/false-valued expression.
    mutating func truth(_ depth: Int) -> String {
        if depth <= 0 || chance(4) {
            switch Int.random(in: 0...5, using: &rng) {
            case 0: return pick(["true", "false", "opens_year"])
            case 1: return "\(pick(["industry_code", "region_code", "credit_code", "name", "park", "period"])) \(pick(["==", "!="])) \"\(pick(["2521", "", "企业1", "2024-05"]))\""
            case 2: return "starts_with(\(pick(["industry_code", "name", "park"])), \"\(pick(["25", "", "企"]))\")"
            case 3: return "industry_code in [\"2521\", \"3110\"]"
            default: return "\(number(0)) \(pick(["<", "<=", ">", ">=", "==", "!="])) \(number(0))"
            }
        }
        let d = depth - 1
        switch Int.random(in: 0...5, using: &rng) {
        case 0: return "\(number(d)) \(pick(["<", "<=", ">", ">=", "==", "!="])) \(number(d))"
        case 1: return (0...Int.random(in: 1...3, using: &rng)).map { _ in truth(d) }.joined(separator: " \(pick(["and", "or"])) ")
        case 2: return "not \(truth(d))"
        case 3: return "\(number(d)) in [\(pick(Self.literals)), -\(pick(Self.literals.filter { !$0.hasPrefix("-") }))]"
        case 4: return "(if \(truth(d)) then \(truth(d)) else \(truth(d)))"
        default: return "(\(truth(d)))"
        }
    }
}
