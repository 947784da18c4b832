/// How large and how deeply nested one expression may be.
///
/// Parsing, type checking and evaluation keep explicit stacks rather than
/// recursing, so they are safe on any thread; only releasing a syntax tree
/// recurses, a frame per level, and ``nesting`` bounds that (`DeepExpressionTests`
/// runs the deepest accepted shapes on a 512 KiB stack in a debug build). Chains
/// of one operator (`a + b + … + z`, `p and q and …`) are kept flat, so only
/// real nesting counts. ``tokens`` bounds what one rule costs per period: a
/// column of work per operand. A statistician's rules nest a handful of levels
/// and run to a few dozen tokens; an expression past either bound is a mistake
/// in the pipeline file, refused at the column where it crosses the bound.
enum ExpressionLimits {
    /// Levels of parentheses, function calls, `in [..]` lists, `if`, `not` and unary `-`
    /// one inside another.
    static let nesting = 64
    /// Names, numbers, strings, operators and brackets in one expression.
    static let tokens = 4096
}
