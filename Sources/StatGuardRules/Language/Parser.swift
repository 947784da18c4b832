/// Parses an expression into ``Syntax`` without recursion.
///
/// The grammar, loosest first:
///
///     expression     := 'if' expression 'then' expression 'else' expression | or
///     or             := and ('or' and)*
///     and            := not ('and' not)*
///     not            := 'not' not | comparison
///     comparison     := additive (('<' | '<=' | '>' | '>=' | '==' | '!=') additive | 'in' '[' items? ']')?
///     items          := additive (',' additive)*
///     additive       := multiplicative (('+' | '-') multiplicative)*
///     multiplicative := unary (('*' | '/') unary)*
///     unary          := '-' unary | primary
///     primary        := number | string | 'true' | 'false' | name | name '(' arguments? ')' | '(' expression ')'
///     arguments      := expression (',' expression)*
///
/// Instead of one function per rule calling the next (several large frames per
/// bracket in a debug build), brackets, calls, lists and `if`s open a ``Group``
/// on an explicit stack, and operators wait in their group until an operator
/// binding looser, or the group's end, applies them. Nesting is still bounded
/// by ``ExpressionLimits/nesting``: the tree is released recursively.
struct Parser {
    /// Binding strength, loosest first; an operand position admits what binds at least as tight as its level.
    private enum Level: Int, Comparable {
        case expression, or, and, not, comparison, additive, multiplicative, unary

        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// An operator waiting for its right operand.
    private enum Pending {
        case prefix(String, column: Int)
        case comparison(String, Syntax, column: Int)
        /// A chain of `level` operators: its operands so far and the operator waiting for the next one.
        case chain(Level, Syntax, [Syntax.Step], op: String, column: Int)

        var level: Level {
            switch self {
            case .prefix(let op, _): op == "not" ? .not : .unary
            case .comparison: .comparison
            case .chain(let level, _, _, _, _): level
            }
        }

        /// The loosest construct its right operand may be.
        var operandLevel: Level {
            switch self {
            case .prefix(let op, _): op == "not" ? .not : .unary
            case .comparison: .additive
            case .chain(let level, _, _, _, _): Level(rawValue: level.rawValue + 1)!
            }
        }

        /// The operator applied to its right operand.
        func applied(to operand: Syntax) -> Syntax {
            switch self {
            case .prefix(let op, let column): .unary(op, operand, column: column)
            case .comparison(let op, let left, let column): .comparison(op, left, operand, column: column)
            case .chain(_, let first, let steps, let op, let column): .chain(first, steps + [Syntax.Step(op: op, operand: operand, column: column)])
            }
        }
    }

    /// The whole text, or a bracket, call, `in` list or `if` being read.
    private struct Group {
        enum Kind {
            case whole, parenthesis
            case call(String, arguments: [Syntax])
            case list(subject: Syntax, items: [Syntax])
            case condition
            case whenTrue(condition: Syntax)
            case whenFalse(condition: Syntax, whenTrue: Syntax)
        }

        var kind: Kind
        /// Where it opened: the `(`, the call's name, the `in`, the `if`.
        var column: Int
        var pending: [Pending] = []
        /// The operand just read, if the group is past one (nil: an operand comes next).
        var operand: Syntax? = nil
        /// Set when the operand is a finished `in [..]` (`.comparison`) or `if` (`.expression`):
        /// only an operator binding looser than that may follow it.
        var closedAt: Level? = nil

        /// An `in` list holds additive items; any other group a whole expression.
        var level: Level {
            if case .list = kind { return .additive }
            return .expression
        }
    }

    private var tokens: [Token]
    private var position = 0
    private var groups: [Group] = []
    /// Levels of nesting open: groups and prefix operators inside one another.
    private var nesting = 0

    init(_ text: String) throws(RuleSyntaxError) {
        tokens = try Lexer.tokens(text)
    }

    /// Parses the whole text as one expression.
    mutating func parse() throws(RuleSyntaxError) -> Syntax {
        groups = [Group(kind: .whole, column: 1)]
        while true {
            if let operand = groups[groups.count - 1].operand {
                if let whole = try readOperator(after: operand) { return whole }
            } else {
                try readOperand()
            }
        }
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        defer { position += 1 }
        return tokens[position]
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    /// Opens one level of nesting at `column`.
    private mutating func nest(at column: Int) throws(RuleSyntaxError) {
        nesting += 1
        guard nesting <= ExpressionLimits.nesting else {
            throw RuleSyntaxError(
                column: column,
                message: "the expression nests too deeply: more than \(ExpressionLimits.nesting) levels of brackets, calls, 'if', 'not' and '-' inside one another")
        }
    }

    private mutating func open(_ kind: Group.Kind, at column: Int) throws(RuleSyntaxError) {
        try nest(at: column)
        groups.append(Group(kind: kind, column: column))
    }

    /// Gives the innermost group its next operand.
    private mutating func read(_ operand: Syntax, closedAt: Level? = nil) {
        groups[groups.count - 1].operand = operand
        groups[groups.count - 1].closedAt = closedAt
    }

    /// Closes the innermost group, which becomes the operand `result` of the one around it.
    private mutating func close(as result: Syntax, closedAt: Level? = nil) {
        groups.removeLast()
        nesting -= 1
        read(result, closedAt: closedAt)
    }

    /// Where an operand starts: a literal, a name, a call, a bracket, a prefix operator or an `if`.
    private mutating func readOperand() throws(RuleSyntaxError) {
        let group = groups[groups.count - 1]
        let level = group.pending.last?.operandLevel ?? group.level
        let token = advance()
        switch token.kind {
        case .number(let value): read(.number(value, column: token.column))
        case .string(let value): read(.string(value, column: token.column))
        case .keyword("true"): read(.boolean(true, column: token.column))
        case .keyword("false"): read(.boolean(false, column: token.column))
        case .keyword("not") where level <= .not, .symbol("-"):
            try nest(at: token.column)
            groups[groups.count - 1].pending.append(.prefix(token.kind == .symbol("-") ? "-" : "not", column: token.column))
        case .keyword("if") where level == .expression:
            try open(.condition, at: token.column)
        case .symbol("("):
            try open(.parenthesis, at: token.column)
        case .identifier(let name):
            guard isSymbol("(") else { return read(.name(name, column: token.column)) }
            position += 1
            try open(.call(name, arguments: []), at: token.column)
            if isSymbol(")") {
                position += 1
                close(as: .call(name, [], column: token.column))
            }
        default:
            throw RuleSyntaxError(column: token.column, message: "expected a number, a string, a field or a function, found \(token.description)")
        }
    }

    /// After an operand: a binary operator that may continue the group, or the group's end.
    /// Returns the whole expression once the text ends.
    private mutating func readOperator(after operand: Syntax) throws(RuleSyntaxError) -> Syntax? {
        let index = groups.count - 1
        guard let (op, level) = Self.binaryOperator(current.kind), level >= groups[index].level,
              groups[index].closedAt.map({ level < $0 }) ?? true
        else { return try end(operand) }
        var operand = operand
        while let last = groups[index].pending.last, last.level > level {
            groups[index].pending.removeLast()
            if case .prefix = last { nesting -= 1 }
            operand = last.applied(to: operand)
        }
        if level == .comparison, case .comparison = groups[index].pending.last {
            return try end(operand)  // comparisons do not chain: a < b < c
        }
        let column = advance().column
        groups[index].operand = nil
        groups[index].closedAt = nil
        if op == "in" {
            try nest(at: column)
            guard isSymbol("[") else { throw RuleSyntaxError(column: current.column, message: "expected '[' to open the list after 'in', found \(current.description)") }
            position += 1
            groups.append(Group(kind: .list(subject: operand, items: []), column: column))
            if isSymbol("]") {
                position += 1
                close(as: .membership(operand, [], column: column), closedAt: .comparison)
            }
        } else if level == .comparison {
            groups[index].pending.append(.comparison(op, operand, column: column))
        } else if case .chain(level, let first, let steps, let previous, let previousColumn) = groups[index].pending.last {
            let step = Syntax.Step(op: previous, operand: operand, column: previousColumn)
            groups[index].pending[groups[index].pending.count - 1] = .chain(level, first, steps + [step], op: op, column: column)
        } else {
            groups[index].pending.append(.chain(level, operand, [], op: op, column: column))
        }
        return nil
    }

    /// Ends the innermost group's current expression at the current token: its
    /// closing bracket, a separator, `then`, `else` or the end of the text, or
    /// fails saying what was expected there.
    private mutating func end(_ operand: Syntax) throws(RuleSyntaxError) -> Syntax? {
        var expression = operand
        let group = groups[groups.count - 1]
        for pending in group.pending.reversed() {
            if case .prefix = pending { nesting -= 1 }
            expression = pending.applied(to: expression)
        }
        groups[groups.count - 1].pending = []
        let token = current
        func expected(_ what: String) -> RuleSyntaxError {
            RuleSyntaxError(column: token.column, message: "expected \(what), found \(token.description)")
        }
        switch group.kind {
        case .whole:
            guard case .end = token.kind else { throw expected("an operator or the end") }
            return expression
        case .parenthesis:
            guard isSymbol(")") else { throw expected("')' to close the parenthesis") }
            position += 1
            close(as: expression)
        case .call(let name, let arguments):
            if isSymbol(",") {
                position += 1
                restart(as: .call(name, arguments: arguments + [expression]))
            } else {
                guard isSymbol(")") else { throw expected("')' to close the call of \(name)") }
                position += 1
                close(as: .call(name, arguments + [expression], column: group.column))
            }
        case .list(let subject, let items):
            if isSymbol(",") {
                position += 1
                restart(as: .list(subject: subject, items: items + [expression]))
            } else {
                guard isSymbol("]") else { throw expected("']' to close the list") }
                position += 1
                close(as: .membership(subject, items + [expression], column: group.column), closedAt: .comparison)
            }
        case .condition:
            guard token.kind == .keyword("then") else { throw expected("'then' after the condition") }
            position += 1
            restart(as: .whenTrue(condition: expression))
        case .whenTrue(let condition):
            guard token.kind == .keyword("else") else { throw expected("'else' (every 'if' needs one)") }
            position += 1
            restart(as: .whenFalse(condition: condition, whenTrue: expression))
        case .whenFalse(let condition, let whenTrue):
            // The else branch reaches as far as it can: the token ends the group around the `if` too.
            close(as: .conditional(condition, whenTrue, expression, column: group.column), closedAt: .expression)
        }
        return nil
    }

    /// Starts the innermost group's next part: a call's next argument, a list's next item, an `if`'s next branch.
    private mutating func restart(as kind: Group.Kind) {
        groups[groups.count - 1] = Group(kind: kind, column: groups[groups.count - 1].column)
    }

    private static func binaryOperator(_ kind: Token.Kind) -> (String, Level)? {
        switch kind {
        case .keyword("or"): ("or", .or)
        case .keyword("and"): ("and", .and)
        case .keyword("in"): ("in", .comparison)
        case .symbol(let op) where ["<", "<=", ">", ">=", "==", "!="].contains(op): (op, .comparison)
        case .symbol(let op) where op == "+" || op == "-": (op, .additive)
        case .symbol(let op) where op == "*" || op == "/": (op, .multiplicative)
        default: nil
        }
    }
}
