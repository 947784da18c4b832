
extension ColumnTable {
    /// For a register table: whether row `row` is due to report for `period` —
    /// 规上 (above_scale 1), 正常运营 (status 1), and entered ≤ period < exited.
    public func isDueToReport(row: Int, period: Period) -> Bool {
        precondition(kind == .register, "due-to-report is a register question")
        guard codes[RegisterField.aboveScale.rawValue][row] == 1,
              codes[RegisterField.status.rawValue][row] == 1,
              let entered = periods[RegisterField.entered.rawValue][row], entered <= period
        else { return false }
        if let exited = periods[RegisterField.exited.rawValue][row], exited <= period { return false }
        return true
    }
}
