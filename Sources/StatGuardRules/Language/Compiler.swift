import StatGuardCore

/// Type-checks parsed expressions into ``Expression`` values.
///
/// Names are the contract's report field names (`gross_output`, `export_delivery`…);
/// an unknown one is reported with the nearest known names.
enum Compiler {
    /// Numeric report fields by name.
    static let numericFields: [String: ReportField] = Dictionary(uniqueKeysWithValues: ReportField.allCases.compactMap { field in
        switch field.spec.type {
        case .decimal, .count: (field.spec.name, field)
        default: nil
        }
    })
    static let functions = ["abs", "min", "max", "lag", "ly", "median_by", "sum_by", "count_by", "starts_with"]

    static var knownNames: [String] { numericFields.keys.sorted() + TextField.allCases.map(\.rawValue) + ["opens_year", "period_month"] }

    /// Compiles `text` and requires the result to have `type`.
    static func compile(_ text: String, as type: ValueType) throws(RuleSyntaxError) -> Expression {
        var parser = try Parser(text)
        let syntax = try parser.parse()
        let typed = try compile(syntax)
        guard typed.type == type else {
            throw RuleSyntaxError(column: syntax.column, message: "expected a \(type.rawValue) expression, this one gives a \(typed.type.rawValue)")
        }
        return typed.expression!
    }

    private struct Typed {
        var type: ValueType
        var expression: Expression?
        /// For text: a field or a literal.
        var textField: TextField?
        var literal: String?
    }

    private static func compile(_ syntax: Syntax) throws(RuleSyntaxError) -> Typed {
        switch syntax {
        case .number(let value, _):
            return Typed(type: .number, expression: .constant(value))
        case .boolean(let value, _):
            return Typed(type: .truth, expression: .constant(value ? 1 : 0))
        case .string(let value, _):
            return Typed(type: .text, literal: value)
        case .name(let name, let column):
            if let field = numericFields[name] { return Typed(type: .number, expression: .field(field)) }
            if name == "opens_year" { return Typed(type: .truth, expression: .calendar(name)) }
            if name == "period_month" { return Typed(type: .number, expression: .calendar(name)) }
            if let field = TextField(rawValue: name) { return Typed(type: .text, textField: field) }
            throw unknownName(name, column: column)
        case .unary(let op, let operand, let column):
            let inner = try compile(operand)
            if op == "not" {
                try require(inner, .truth, column, "'not' needs a true/false operand")
                return Typed(type: .truth, expression: .not(inner.expression!))
            }
            try require(inner, .number, column, "'-' needs a number")
            return Typed(type: .number, expression: .negate(inner.expression!))
        case .binary(let op, let left, let right, let column):
            return try binary(op, left, right, column)
        case .membership(let subject, let items, let column):
            let inner = try compile(subject)
            if inner.type == .text {
                guard let field = inner.textField else { throw RuleSyntaxError(column: column, message: "'in' needs a text field on its left, not a literal") }
                var values: [String] = []
                for item in items {
                    guard case .string(let value, _) = item else { throw RuleSyntaxError(column: item.column, message: "expected a string in the list of \(field.rawValue) values") }
                    values.append(value)
                }
                return Typed(type: .truth, expression: .textIn(field, values))
            }
            try require(inner, .number, column, "'in' needs a number or a text field on its left")
            var values: [Double] = []
            for item in items {
                switch item {
                case .number(let value, _): values.append(value)
                case .unary("-", .number(let value, _), _): values.append(-value)
                default: throw RuleSyntaxError(column: item.column, message: "expected a number in the list")
                }
            }
            return Typed(type: .truth, expression: .member(inner.expression!, values))
        case .conditional(let condition, let whenTrue, let whenFalse, let column):
            let c = try compile(condition), a = try compile(whenTrue), b = try compile(whenFalse)
            try require(c, .truth, condition.column, "the condition after 'if' must be true/false")
            guard a.type == b.type, a.type != .text else {
                throw RuleSyntaxError(column: column, message: "'then' and 'else' must both be numbers or both true/false")
            }
            return Typed(type: a.type, expression: .conditional(c.expression!, a.expression!, b.expression!))
        case .call(let name, let arguments, let column):
            return try call(name, arguments, column)
        }
    }

    private static func binary(_ op: String, _ left: Syntax, _ right: Syntax, _ column: Int) throws(RuleSyntaxError) -> Typed {
        let a = try compile(left), b = try compile(right)
        switch op {
        case "and", "or":
            try require(a, .truth, left.column, "'\(op)' needs true/false on its left")
            try require(b, .truth, right.column, "'\(op)' needs true/false on its right")
            return Typed(type: .truth, expression: .logical(op, a.expression!, b.expression!))
        case "+", "-", "*", "/":
            try require(a, .number, left.column, "'\(op)' needs a number on its left")
            try require(b, .number, right.column, "'\(op)' needs a number on its right")
            return Typed(type: .number, expression: .arithmetic(op, a.expression!, b.expression!))
        default:
            if a.type == .text || b.type == .text {
                guard op == "==" || op == "!=" else { throw RuleSyntaxError(column: column, message: "text can only be compared with == or !=") }
                let (field, literal) = (a.textField ?? b.textField, a.literal ?? b.literal)
                guard let field, let literal, a.type == b.type else {
                    throw RuleSyntaxError(column: column, message: "compare a text field with a string, such as industry_code == \"2521\"")
                }
                return Typed(type: .truth, expression: .textEquals(field, literal, negated: op == "!="))
            }
            guard a.type == .number, b.type == .number else {
                throw RuleSyntaxError(column: column, message: "'\(op)' compares numbers; use 'and'/'or' for true/false values")
            }
            return Typed(type: .truth, expression: .comparison(op, a.expression!, b.expression!))
        }
    }

    private static func call(_ name: String, _ arguments: [Syntax], _ column: Int) throws(RuleSyntaxError) -> Typed {
        func count(_ n: ClosedRange<Int>, _ usage: String) throws(RuleSyntaxError) {
            guard n.contains(arguments.count) else { throw RuleSyntaxError(column: column, message: "\(name) takes \(usage)") }
        }
        func fieldArgument(_ index: Int) throws(RuleSyntaxError) -> ReportField {
            guard case .name(let field, let c) = arguments[index] else {
                throw RuleSyntaxError(column: arguments[index].column, message: "\(name) needs a numeric field name here")
            }
            guard let report = numericFields[field] else { throw unknownName(field, column: c) }
            return report
        }
        func groupArgument(_ index: Int) throws(RuleSyntaxError) -> GroupKey {
            guard case .name(let group, _) = arguments[index], let key = GroupKey(rawValue: group) else {
                throw RuleSyntaxError(column: arguments[index].column, message: "expected a group: \(GroupKey.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return key
        }
        switch name {
        case "abs":
            try count(1...1, "one number: abs(x)")
            let x = try compile(arguments[0])
            try require(x, .number, arguments[0].column, "abs needs a number")
            return Typed(type: .number, expression: .function("abs", [x.expression!]))
        case "min", "max":
            try count(2...16, "two or more numbers: \(name)(a, b, …)")
            var values: [Expression] = []
            for argument in arguments {
                let x = try compile(argument)
                try require(x, .number, argument.column, "\(name) needs numbers")
                values.append(x.expression!)
            }
            return Typed(type: .number, expression: .function(name, values))
        case "lag":
            try count(2...2, "a field and a number of periods: lag(gross_output, 1)")
            let field = try fieldArgument(0)
            // Compared as numbers, never converted: lag(x, 1e19) is refused, not a trap.
            guard case .number(let k, _) = arguments[1], let periods = [1, 2, 3, 12].first(where: { Double($0) == k }) else {
                throw RuleSyntaxError(column: arguments[1].column, message: "lag reaches 1, 2 or 3 periods back, or 12 (the same period last year; ly(field) says the same)")
            }
            return Typed(type: .number, expression: .lagged(field, periods))
        case "ly":
            try count(1...1, "one field: ly(gross_output)")
            return Typed(type: .number, expression: .lagged(try fieldArgument(0), 12))
        case "median_by", "sum_by":
            try count(2...2, "a field and a group: \(name)(gross_output, class)")
            return Typed(type: .number, expression: .groupStatistic(GroupStatistic(rawValue: name)!, try fieldArgument(0), try groupArgument(1)))
        case "count_by":
            try count(1...1, "a group: count_by(town)")
            return Typed(type: .number, expression: .groupStatistic(.count, nil, try groupArgument(0)))
        case "starts_with":
            try count(2...2, "a text field and a prefix: starts_with(industry_code, \"25\")")
            let subject = try compile(arguments[0])
            guard let field = subject.textField else { throw RuleSyntaxError(column: arguments[0].column, message: "starts_with needs a text field first") }
            guard case .string(let prefix, _) = arguments[1] else { throw RuleSyntaxError(column: arguments[1].column, message: "starts_with needs a string prefix second") }
            return Typed(type: .truth, expression: .textStartsWith(field, prefix))
        default:
            let hint = NearestName.suggestion(for: name, among: functions).map { " Did you mean '\($0)'?" } ?? ""
            throw RuleSyntaxError(column: column, message: "unknown function '\(name)'.\(hint) Functions: \(functions.joined(separator: ", "))")
        }
    }

    private static func require(_ typed: Typed, _ type: ValueType, _ column: Int, _ message: String) throws(RuleSyntaxError) {
        guard typed.type == type else { throw RuleSyntaxError(column: column, message: "\(message), found a \(typed.type.rawValue)") }
    }

    private static func unknownName(_ name: String, column: Int) -> RuleSyntaxError {
        let near = knownNames.filter { NearestName.editDistance(Array(name), Array($0)) <= max(2, name.count / 3) }
            .sorted { NearestName.editDistance(Array(name), Array($0)) < NearestName.editDistance(Array(name), Array($1)) }
        let hint = near.isEmpty ? "" : " Nearest: \(near.prefix(3).map { "'\($0)'" }.joined(separator: ", "))."
        return RuleSyntaxError(column: column, message: "unknown field '\(name)'.\(hint)")
    }
}
