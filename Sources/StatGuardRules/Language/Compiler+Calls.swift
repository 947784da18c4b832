import StatGuardCore

extension Compiler {
    /// Starts compiling a call: checks its arguments' count, and either compiles
    /// it at once (`lag`, `ly` and the group statistics take names and literals,
    /// not values) or returns the arguments to compile as values before ``finishCall(_:_:_:)``.
    mutating func startCall(_ name: String, _ arguments: [Syntax], _ column: Int) throws(RuleSyntaxError) -> [Syntax] {
        func count(_ n: ClosedRange<Int>, _ usage: String) throws(RuleSyntaxError) {
            guard n.contains(arguments.count) else { throw RuleSyntaxError(column: column, message: "\(name) takes \(usage)") }
        }
        func fieldArgument(_ index: Int) throws(RuleSyntaxError) -> ReportField {
            guard case .name(let field, let c) = arguments[index] else {
                throw RuleSyntaxError(column: arguments[index].column, message: "\(name) needs a numeric field name here")
            }
            guard let report = Self.numericFields[field] else { throw Self.unknownName(field, column: c) }
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
            return arguments
        case "min", "max":
            try count(2...16, "two or more numbers: \(name)(a, b, …)")
            return arguments
        case "starts_with":
            try count(2...2, "a text field and a prefix: starts_with(industry_code, \"25\")")
            return [arguments[0]]
        case "lag":
            try count(2...2, "a field and a number of periods: lag(gross_output, 1)")
            let field = try fieldArgument(0)
            // Compared as numbers, never converted: lag(x, 1e19) is refused, not a trap.
            guard case .number(let k, _) = arguments[1], let periods = [1, 2, 3, 12].first(where: { Double($0) == k }) else {
                throw RuleSyntaxError(column: arguments[1].column, message: "lag reaches 1, 2 or 3 periods back, or 12 (the same period last year; ly(field) says the same)")
            }
            emit(.lagged(field, periods), .number)
        case "ly":
            try count(1...1, "one field: ly(gross_output)")
            emit(.lagged(try fieldArgument(0), 12), .number)
        case "median_by", "sum_by":
            try count(2...2, "a field and a group: \(name)(gross_output, class)")
            emit(.groupStatistic(GroupStatistic(rawValue: name)!, try fieldArgument(0), try groupArgument(1)), .number)
        case "count_by":
            try count(1...1, "a group: count_by(town)")
            emit(.groupStatistic(.count, nil, try groupArgument(0)), .number)
        default:
            let hint = NearestName.suggestion(for: name, among: Self.functions).map { " Did you mean '\($0)'?" } ?? ""
            throw RuleSyntaxError(column: column, message: "unknown function '\(name)'.\(hint) Functions: \(Self.functions.joined(separator: ", "))")
        }
        return []
    }

    /// Finishes a call whose value arguments (those ``startCall(_:_:_:)`` returned) are compiled.
    mutating func finishCall(_ name: String, _ arguments: [Syntax], _ column: Int) throws(RuleSyntaxError) {
        switch name {
        case "starts_with":
            guard let field = pop(1)[0].textField else { throw RuleSyntaxError(column: arguments[0].column, message: "starts_with needs a text field first") }
            guard case .string(let prefix, _) = arguments[1] else { throw RuleSyntaxError(column: arguments[1].column, message: "starts_with needs a string prefix second") }
            emit(.textStartsWith(field, prefix), .truth)
        default:  // abs, min, max
            for (argument, typed) in zip(arguments, pop(arguments.count)) {
                try require(typed, .number, argument.column, name == "abs" ? "abs needs a number" : "\(name) needs numbers")
            }
            emit(.function(name, arity: arguments.count), .number)
        }
    }
}
