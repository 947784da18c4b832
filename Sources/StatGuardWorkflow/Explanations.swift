import Foundation
import StatGuardCore

/// The enterprises' own 填报说明 in a reports table: non-blank ones, by enterprise.
public enum Explanations {
    public static func of(_ reports: ColumnTable) -> [CreditCode: String] {
        let column = reports[text: ReportField.explanation]
        guard column.count == reports.count else { return [:] }
        var notes: [CreditCode: String] = [:]
        for row in 0..<reports.count where !column.isEmpty(at: row) {
            let text = column[row].trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { notes[reports.creditCodes[row]] = text }
        }
        return notes
    }
}
