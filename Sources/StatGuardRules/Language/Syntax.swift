/// An expression as parsed, before type checking. Every node keeps its column.
indirect enum Syntax {
    case number(Double, column: Int)
    case string(String, column: Int)
    case boolean(Bool, column: Int)
    case name(String, column: Int)
    case call(String, [Syntax], column: Int)
    case unary(String, Syntax, column: Int)
    /// A comparison: `a < b`, `a == b`…
    case comparison(String, Syntax, Syntax, column: Int)
    /// Operators of one precedence level applied left to right: `a + b - c`, `a * b / c`,
    /// `p and q and r`, `p or q`. Kept flat, so a long sum is wide rather than deep.
    case chain(Syntax, [Step])
    case membership(Syntax, [Syntax], column: Int)
    case conditional(Syntax, Syntax, Syntax, column: Int)

    /// One operator of a ``chain`` and the operand on its right.
    struct Step {
        var op: String
        var operand: Syntax
        var column: Int
    }

    /// Where the node is reported: its token, or an operator's column for an operation.
    var column: Int {
        switch self {
        case .number(_, let c), .string(_, let c), .boolean(_, let c), .name(_, let c), .call(_, _, let c),
             .unary(_, _, let c), .comparison(_, _, _, let c), .membership(_, _, let c), .conditional(_, _, _, let c):
            c
        case .chain(_, let steps):
            steps[0].column
        }
    }
}
