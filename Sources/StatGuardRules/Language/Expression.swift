import StatGuardCore

/// A type-checked expression, ready to evaluate over a period's columns.
///
/// Numbers and truth values both evaluate to `[Double]` columns (truth as 1/0),
/// with NaN for missing; text only appears inside comparisons, `in` and
/// `starts_with`, which evaluate to truth values.
public indirect enum Expression: Sendable {
    case constant(Double)
    /// `opens_year` (1 when the period is the first of its year: 1-2月) or `period_month` (1-12).
    case calendar(String)
    case field(ReportField)
    /// The field `k` reporting periods back (12: the same period last year).
    case lagged(ReportField, Int)
    case groupStatistic(GroupStatistic, ReportField?, GroupKey)
    case negate(Expression)
    case not(Expression)
    case arithmetic(String, Expression, Expression)
    case comparison(String, Expression, Expression)
    case logical(String, Expression, Expression)
    case function(String, [Expression])
    case member(Expression, [Double])
    case conditional(Expression, Expression, Expression)
    case textEquals(TextField, String, negated: Bool)
    case textIn(TextField, [String])
    case textStartsWith(TextField, String)

    /// The report fields the expression reads, in first-use order.
    var fields: [ReportField] {
        var seen: [ReportField] = []
        func visit(_ e: Expression) {
            switch e {
            case .field(let f), .lagged(let f, _): if !seen.contains(f) { seen.append(f) }
            case .groupStatistic(_, let f, _): if let f, !seen.contains(f) { seen.append(f) }
            case .negate(let a), .not(let a), .member(let a, _): visit(a)
            case .arithmetic(_, let a, let b), .comparison(_, let a, let b), .logical(_, let a, let b): visit(a); visit(b)
            case .function(_, let args): args.forEach(visit)
            case .conditional(let a, let b, let c): visit(a); visit(b); visit(c)
            case .constant, .calendar, .textEquals, .textIn, .textStartsWith: break
            }
        }
        visit(self)
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
