import StatGuardCore

/// Type-checks parsed expressions into ``Expression`` programs.
///
/// Names are the contract's report field names (`gross_output`, `export_delivery`…);
/// an unknown one is reported with the nearest known names.
///
/// The syntax tree is walked with a work list, not recursion: rules may be
/// compiled on a thread with a small stack, and a debug build's frames are
/// large. Each node is visited, its value operands are compiled, then the node
/// is finished: it pops their types, checks them and appends its instruction,
/// so the program comes out in postfix order.
struct Compiler {
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
        var compiler = Compiler()
        let typed = try compiler.run(syntax)
        guard typed.type == type else {
            throw RuleSyntaxError(column: syntax.column, message: "expected a \(type.rawValue) expression, this one gives a \(typed.type.rawValue)")
        }
        return Expression(instructions: compiler.program)
    }

    /// A compiled operand: its type and, for text, the field or literal it is
    /// (text has no instructions of its own; comparisons, `in` and `starts_with` use it).
    struct Typed {
        var type: ValueType
        var textField: TextField? = nil
        var literal: String? = nil
    }

    /// A pending step of the walk.
    private enum Work {
        /// Compile the node: a leaf at once, anything else by its operands first.
        case visit(Syntax)
        /// The node's operands are compiled: check them and append its instruction.
        case finish(Syntax)
        /// The right operand of a chain's step is compiled: apply its operator
        /// (`head`: the chain's first operand, given on the first step, whose type is checked there).
        case step(Syntax.Step, head: Syntax?)
    }

    private(set) var program: [Expression.Instruction] = []
    /// The types of the operands compiled and not yet consumed, last on top.
    private var operands: [Typed] = []

    private mutating func run(_ root: Syntax) throws(RuleSyntaxError) -> Typed {
        var work: [Work] = [.visit(root)]
        while let next = work.popLast() {
            switch next {
            case .visit(let syntax): try visit(syntax, &work)
            case .finish(let syntax): try finish(syntax)
            case .step(let step, let head): try apply(step, head: head)
            }
        }
        return operands[0]
    }

    private mutating func visit(_ syntax: Syntax, _ work: inout [Work]) throws(RuleSyntaxError) {
        switch syntax {
        case .number(let value, _):
            emit(.constant(value), .number)
        case .boolean(let value, _):
            emit(.constant(value ? 1 : 0), .truth)
        case .string(let value, _):
            operands.append(Typed(type: .text, literal: value))
        case .name(let name, let column):
            try self.name(name, column)
        case .unary(_, let operand, _), .membership(let operand, _, _):
            work += [.finish(syntax), .visit(operand)]
        case .comparison(_, let left, let right, _):
            work += [.finish(syntax), .visit(right), .visit(left)]
        case .conditional(let condition, let whenTrue, let whenFalse, _):
            work += [.finish(syntax), .visit(whenFalse), .visit(whenTrue), .visit(condition)]
        case .chain(let first, let steps):
            for (index, step) in steps.enumerated().reversed() {
                work += [.step(step, head: index == 0 ? first : nil), .visit(step.operand)]
            }
            work.append(.visit(first))
        case .call(let name, let arguments, let column):
            let values = try startCall(name, arguments, column)
            if !values.isEmpty { work += [.finish(syntax)] + values.reversed().map(Work.visit) }
        }
    }

    private mutating func finish(_ syntax: Syntax) throws(RuleSyntaxError) {
        switch syntax {
        case .unary(let op, _, let column):
            let inner = operands.removeLast()
            if op == "not" {
                try require(inner, .truth, column, "'not' needs a true/false operand")
                emit(.not, .truth)
            } else {
                try require(inner, .number, column, "'-' needs a number")
                emit(.negate, .number)
            }
        case .comparison(let op, _, _, let column):
            try comparison(op, column)
        case .membership(_, let items, let column):
            try membership(items, column)
        case .conditional(let condition, _, _, let column):
            let parts = pop(3)
            try require(parts[0], .truth, condition.column, "the condition after 'if' must be true/false")
            guard parts[1].type == parts[2].type, parts[1].type != .text else {
                throw RuleSyntaxError(column: column, message: "'then' and 'else' must both be numbers or both true/false")
            }
            emit(.conditional, parts[1].type)
        case .call(let name, let arguments, let column):
            try finishCall(name, arguments, column)
        case .number, .string, .boolean, .name, .chain:
            break  // finished when visited
        }
    }

    /// `and`/`or` over true/false operands, or `+ - * /` over numbers: one operator of a chain, left to right.
    private mutating func apply(_ step: Syntax.Step, head: Syntax?) throws(RuleSyntaxError) {
        let logical = step.op == "and" || step.op == "or"
        let (type, needs): (ValueType, String) = logical ? (.truth, "true/false") : (.number, "a number")
        let pair = pop(2)
        if let head { try require(pair[0], type, head.column, "'\(step.op)' needs \(needs) on its left") }
        try require(pair[1], type, step.operand.column, "'\(step.op)' needs \(needs) on its right")
        emit(logical ? .logical(step.op) : .arithmetic(step.op), type)
    }

    private mutating func comparison(_ op: String, _ column: Int) throws(RuleSyntaxError) {
        let pair = pop(2)
        let (a, b) = (pair[0], pair[1])
        if a.type == .text || b.type == .text {
            guard op == "==" || op == "!=" else { throw RuleSyntaxError(column: column, message: "text can only be compared with == or !=") }
            let (field, literal) = (a.textField ?? b.textField, a.literal ?? b.literal)
            guard let field, let literal, a.type == b.type else {
                throw RuleSyntaxError(column: column, message: "compare a text field with a string, such as industry_code == \"2521\"")
            }
            return emit(.textEquals(field, literal, negated: op == "!="), .truth)
        }
        guard a.type == .number, b.type == .number else {
            throw RuleSyntaxError(column: column, message: "'\(op)' compares numbers; use 'and'/'or' for true/false values")
        }
        emit(.comparison(op), .truth)
    }

    private mutating func membership(_ items: [Syntax], _ column: Int) throws(RuleSyntaxError) {
        let subject = operands.removeLast()
        if subject.type == .text {
            guard let field = subject.textField else { throw RuleSyntaxError(column: column, message: "'in' needs a text field on its left, not a literal") }
            var values: [String] = []
            for item in items {
                guard case .string(let value, _) = item else { throw RuleSyntaxError(column: item.column, message: "expected a string in the list of \(field.rawValue) values") }
                values.append(value)
            }
            return emit(.textIn(field, values), .truth)
        }
        try require(subject, .number, column, "'in' needs a number or a text field on its left")
        var values: [Double] = []
        for item in items {
            switch item {
            case .number(let value, _): values.append(value)
            case .unary("-", .number(let value, _), _): values.append(-value)
            default: throw RuleSyntaxError(column: item.column, message: "expected a number in the list")
            }
        }
        emit(.member(values), .truth)
    }

    private mutating func name(_ name: String, _ column: Int) throws(RuleSyntaxError) {
        if let field = Self.numericFields[name] { return emit(.field(field), .number) }
        if name == "opens_year" { return emit(.calendar(name), .truth) }
        if name == "period_month" { return emit(.calendar(name), .number) }
        if let field = TextField(rawValue: name) { return operands.append(Typed(type: .text, textField: field)) }
        throw Self.unknownName(name, column: column)
    }

    /// Appends an instruction whose result has `type`.
    mutating func emit(_ instruction: Expression.Instruction, _ type: ValueType) {
        program.append(instruction)
        operands.append(Typed(type: type))
    }

    /// Takes the last `count` compiled operands, in source order.
    mutating func pop(_ count: Int) -> [Typed] {
        defer { operands.removeLast(count) }
        return Array(operands.suffix(count))
    }

    func require(_ typed: Typed, _ type: ValueType, _ column: Int, _ message: String) throws(RuleSyntaxError) {
        guard typed.type == type else { throw RuleSyntaxError(column: column, message: "\(message), found a \(typed.type.rawValue)") }
    }

    static func unknownName(_ name: String, column: Int) -> RuleSyntaxError {
        let near = knownNames.filter { NearestName.editDistance(Array(name), Array($0)) <= max(2, name.count / 3) }
            .sorted { NearestName.editDistance(Array(name), Array($0)) < NearestName.editDistance(Array(name), Array($1)) }
        let hint = near.isEmpty ? "" : " Nearest: \(near.prefix(3).map { "'\($0)'" }.joined(separator: ", "))."
        return RuleSyntaxError(column: column, message: "unknown field '\(name)'.\(hint)")
    }
}
