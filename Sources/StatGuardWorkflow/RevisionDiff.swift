import StatGuardCore

/// The figures a reload changes: the period's reports as last loaded against the new file.
public enum RevisionDiff {
    /// The numeric report fields compared.
    public static let fields: [ReportField] = ReportField.allCases.filter {
        switch $0.spec.type {
        case .decimal, .count: true
        default: false
        }
    }

    /// Per enterprise present in both tables, every numeric field whose figure differs
    /// (a blank that stays blank is no change), in the new table's row order, fields in
    /// contract order. Enterprises that were added or dropped are not revisions of a figure.
    /// - Complexity: O(n · f) for n rows and f fields.
    public static func revisions(old: ColumnTable, new: ColumnTable, period: Period, at: String, fileSHA256: String) -> [FigureRevision] {
        let oldRows = PeriodHistory.rows(of: new.creditCodes, in: old)
        // Each field's two columns looked up once, not per row.
        let compared = fields.map { (field: $0, before: old[$0], after: new[$0]) }.filter { !$0.before.isEmpty && !$0.after.isEmpty }
        var revisions: [FigureRevision] = []
        for (row, oldRow) in oldRows.enumerated() where oldRow >= 0 {
            for (field, before, after) in compared {
                let a = before[Int(oldRow)], b = after[row]
                guard a != b, !(a.isNaN && b.isNaN) else { continue }
                revisions.append(FigureRevision(
                    period: period, creditCode: new.creditCodes[row], field: field.spec.name, old: a, new: b, at: at,
                    fileSHA256: fileSHA256))
            }
        }
        return revisions
    }
}
