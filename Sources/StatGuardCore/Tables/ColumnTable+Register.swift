extension ColumnTable {
    /// For a register table: whether row `row` is due to report for `period` (the one due
    /// rule of U01, U02, O09, O10 and the reporting rate).
    ///
    /// Due from 入库年月 on (entered ≤ period). With an 出库年月, due exactly before it
    /// (period < exited): the register is today's, and its status and scale flags describe
    /// the enterprise as it is now, after it left; before its exit it was in the panel, so a
    /// 注销 or 停业 enterprise (or one now 规下) reporting for a period before its exit did
    /// what it had to. Without an exit period, due when 规上 (above_scale 1) and 正常运营 (status 1).
    public func isDueToReport(row: Int, period: Period) -> Bool {
        precondition(kind == .register, "due-to-report is a register question")
        guard let entered = periods[RegisterField.entered.rawValue][row], entered <= period else { return false }
        if let exited = periods[RegisterField.exited.rawValue][row] { return period < exited }
        return codes[RegisterField.aboveScale.rawValue][row] == 1 && codes[RegisterField.status.rawValue][row] == 1
    }
}
