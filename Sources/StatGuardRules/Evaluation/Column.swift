/// An evaluated expression over a period's rows: a value per row (NaN: missing)
/// and the rows whose value is missing because a known number was divided by
/// zero, so that those rows are counted apart from rows whose inputs are blank.
///
/// A row stays marked as long as its missing value is what reaches the result:
/// `x / 0 + 1` and `x / 0 > 1 and true` keep it, `x / 0 > 1 and false` (false)
/// and `if true then 1 else x / 0` (1) do not. When a division by zero and a
/// blank input both leave a row missing, the division by zero is reported.
struct Column {
    var values: [Double]
    /// Rows whose missing value comes from a division by zero; each is NaN in ``values``.
    var dividedByZero: Set<Int> = []

    /// The column whose values are `transform` of this one's, row by row; NaN stays NaN, so the marks carry over.
    func mapped(_ transform: (Double) -> Double) -> Column {
        Column(values: values.map(transform), dividedByZero: dividedByZero)
    }
}
