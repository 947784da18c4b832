import StatGuardCore

/// Structure findings (category `structure`, severity `error`) for quarantined rows,
/// so `alerts.csv` lists what must be corrected before the data counts.
public enum QuarantineFindings {
    /// One finding per quarantined row: about the enterprise when a cell holds a
    /// valid credit code, else about the file.
    public static func make(_ rows: [QuarantinedRow], period: Period) -> [Finding] {
        rows.map { row in
            let code = row.cells.lazy.compactMap { cell -> CreditCode? in
                if case .success(let code) = CreditCode.parse(cell) { return code }
                return nil
            }.first
            let file = row.sourceFile.split(separator: "/").last.map(String.init) ?? row.sourceFile
            return Finding(
                period: period, scope: code == nil ? .file : .enterprise, creditCode: code, name: "\(file) line \(row.line)",
                regionCode: row.cells.first { $0.count == 12 && $0.allSatisfy(\.isNumber) } ?? "", industryCode: "",
                ruleID: RuleID(row.rule.rawValue), category: .structure, severity: .error, score: 0, indicator: row.rule.title,
                slots: ["file": .text(file), "line": .number(Double(row.line)), "reason": .text(row.reason)])
        }
    }
}
