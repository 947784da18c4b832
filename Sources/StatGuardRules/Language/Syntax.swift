/// An expression as parsed, before type checking. Every node keeps its column.
indirect enum Syntax {
    case number(Double, column: Int)
    case string(String, column: Int)
    case boolean(Bool, column: Int)
    case name(String, column: Int)
    case call(String, [Syntax], column: Int)
    case unary(String, Syntax, column: Int)
    case binary(String, Syntax, Syntax, column: Int)
    case membership(Syntax, [Syntax], column: Int)
    case conditional(Syntax, Syntax, Syntax, column: Int)

    var column: Int {
        switch self {
        case .number(_, let c), .string(_, let c), .boolean(_, let c), .name(_, let c), .call(_, _, let c),
             .unary(_, _, let c), .binary(_, _, _, let c), .membership(_, _, let c), .conditional(_, _, _, let c):
            c
        }
    }
}

/// Recursive-descent parser. Precedence, loosest first: `if … then … else`,
/// `or`, `and`, `not`, comparisons and `in [..]`, `+ -`, `* /`, unary `-`.
struct Parser {
    private var tokens: [Token]
    private var position = 0

    init(_ text: String) throws(RuleSyntaxError) {
        tokens = try Lexer.tokens(text)
    }

    /// Parses the whole text as one expression.
    mutating func parse() throws(RuleSyntaxError) -> Syntax {
        let expression = try conditional()
        guard case .end = current.kind else { throw RuleSyntaxError(column: current.column, message: "expected an operator or the end, found \(current.description)") }
        return expression
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        defer { position += 1 }
        return tokens[position]
    }

    private func isKeyword(_ word: String) -> Bool { current.kind == .keyword(word) }
    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func expect(symbol: String, _ context: String) throws(RuleSyntaxError) {
        guard isSymbol(symbol) else { throw RuleSyntaxError(column: current.column, message: "expected '\(symbol)' \(context), found \(current.description)") }
        position += 1
    }

    private mutating func conditional() throws(RuleSyntaxError) -> Syntax {
        guard isKeyword("if") else { return try or() }
        let column = advance().column
        let condition = try conditional()
        guard isKeyword("then") else { throw RuleSyntaxError(column: current.column, message: "expected 'then' after the condition, found \(current.description)") }
        position += 1
        let whenTrue = try conditional()
        guard isKeyword("else") else { throw RuleSyntaxError(column: current.column, message: "expected 'else' (every 'if' needs one), found \(current.description)") }
        position += 1
        return .conditional(condition, whenTrue, try conditional(), column: column)
    }

    private mutating func or() throws(RuleSyntaxError) -> Syntax {
        var left = try and()
        while isKeyword("or") { let column = advance().column; left = .binary("or", left, try and(), column: column) }
        return left
    }

    private mutating func and() throws(RuleSyntaxError) -> Syntax {
        var left = try not()
        while isKeyword("and") { let column = advance().column; left = .binary("and", left, try not(), column: column) }
        return left
    }

    private mutating func not() throws(RuleSyntaxError) -> Syntax {
        guard isKeyword("not") else { return try comparison() }
        let column = advance().column
        return .unary("not", try not(), column: column)
    }

    private mutating func comparison() throws(RuleSyntaxError) -> Syntax {
        let left = try additive()
        if case .symbol(let op) = current.kind, ["<", "<=", ">", ">=", "==", "!="].contains(op) {
            let column = advance().column
            return .binary(op, left, try additive(), column: column)
        }
        if isKeyword("in") {
            let column = advance().column
            try expect(symbol: "[", "to open the list after 'in'")
            var items: [Syntax] = []
            if !isSymbol("]") {
                items.append(try additive())
                while isSymbol(",") { position += 1; items.append(try additive()) }
            }
            try expect(symbol: "]", "to close the list")
            return .membership(left, items, column: column)
        }
        return left
    }

    private mutating func additive() throws(RuleSyntaxError) -> Syntax {
        var left = try multiplicative()
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            let column = advance().column
            left = .binary(op, left, try multiplicative(), column: column)
        }
        return left
    }

    private mutating func multiplicative() throws(RuleSyntaxError) -> Syntax {
        var left = try unary()
        while case .symbol(let op) = current.kind, op == "*" || op == "/" {
            let column = advance().column
            left = .binary(op, left, try unary(), column: column)
        }
        return left
    }

    private mutating func unary() throws(RuleSyntaxError) -> Syntax {
        if isSymbol("-") {
            let column = advance().column
            return .unary("-", try unary(), column: column)
        }
        return try primary()
    }

    private mutating func primary() throws(RuleSyntaxError) -> Syntax {
        let token = advance()
        switch token.kind {
        case .number(let value): return .number(value, column: token.column)
        case .string(let value): return .string(value, column: token.column)
        case .keyword("true"): return .boolean(true, column: token.column)
        case .keyword("false"): return .boolean(false, column: token.column)
        case .identifier(let name):
            guard isSymbol("(") else { return .name(name, column: token.column) }
            position += 1
            var arguments: [Syntax] = []
            if !isSymbol(")") {
                arguments.append(try conditional())
                while isSymbol(",") { position += 1; arguments.append(try conditional()) }
            }
            try expect(symbol: ")", "to close the call of \(name)")
            return .call(name, arguments, column: token.column)
        case .symbol("("):
            let inner = try conditional()
            try expect(symbol: ")", "to close the parenthesis")
            return inner
        default:
            throw RuleSyntaxError(column: token.column, message: "expected a number, a string, a field or a function, found \(token.description)")
        }
    }
}
