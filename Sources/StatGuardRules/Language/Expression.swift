import StatGuardCore

/// A type-checked expression, ready to evaluate over a period's columns.
///
/// Held as a postfix program: each instruction pushes a column or pops its
/// operands and pushes the result, so evaluating, listing fields and releasing
/// an expression never recurse, however deep the formula. Numbers and truth
/// values both evaluate to `[Double]` columns (truth as 1/0), with NaN for
/// missing; text only appears inside comparisons, `in` and `starts_with`, which
/// push truth values.
public struct Expression: Sendable {
    enum Instruction: Sendable {
        case constant(Double)
        /// `opens_year` (1 when the period is the first of its year: 1-2月) or `period_month` (1-12).
        case calendar(String)
        case field(ReportField)
        /// The field `k` reporting periods back (12: the same period last year).
        case lagged(ReportField, Int)
        case groupStatistic(GroupStatistic, ReportField?, GroupKey)
        case textEquals(TextField, String, negated: Bool)
        case textIn(TextField, [String])
        case textStartsWith(TextField, String)
        /// Pops one operand.
        case negate, not
        /// Pops one operand: 1 where it is one of the values.
        case member([Double])
        /// Pops two operands: `+ - * /`.
        case arithmetic(String)
        /// Pops two operands: `< <= > >= == !=`.
        case comparison(String)
        /// Pops two operands: `and`, `or`.
        case logical(String)
        /// Pops `arity` operands: `abs`, `min`, `max`.
        case function(String, arity: Int)
        /// Pops the condition, the `then` value and the `else` value.
        case conditional
    }

    /// The program, in evaluation order; it leaves exactly one column.
    let instructions: [Instruction]

    /// The report fields the expression reads, in first-use order.
    var fields: [ReportField] {
        var seen: [ReportField] = []
        for instruction in instructions {
            switch instruction {
            case .field(let f), .lagged(let f, _), .groupStatistic(_, let f?, _): if !seen.contains(f) { seen.append(f) }
            default: break
            }
        }
        return seen
    }
}

/// What a group statistic computes over the rows of the current period sharing a group.
public enum GroupStatistic: String, Sendable {
    case median = "median_by", sum = "sum_by", count = "count_by"
}

/// The groups group statistics may use.
public enum GroupKey: String, CaseIterable, Sendable {
    case county, town, section, division
    case industryClass = "class"
    case park
}

/// Text-valued report fields.
public enum TextField: String, CaseIterable, Sendable {
    case name, creditCode = "credit_code", regionCode = "region_code", industryCode = "industry_code", park, period
}

/// The static type of an expression.
enum ValueType: String {
    case number, truth = "true/false", text
}
