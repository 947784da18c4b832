import StatGuardCore
import StatGuardReports
import StatGuardTestSupport
import Testing

/// No cell of a CSV report can start a spreadsheet formula (data contract section 3),
/// whatever bytes the input held.
@Suite struct FormulaGuardTests {
    /// The contract's number grammar, written independently of the guard: optional sign,
    /// digits with optional thousands separators, optional decimal part.
    static func isContractNumber(_ cell: String) -> Bool {
        cell.wholeMatch(of: /[+-]?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?|[+-]?[0-9]+(\.[0-9]+)?/) != nil
    }

    /// Whether a spreadsheet would read `cell` as a formula.
    static func startsFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) && !isContractNumber(cell)
    }

    @Test("cells Double() reads as numbers are guarded (regression: formula guard by Double())", arguments: [
        "-nan(HYPERLINK)", "+infinity", "-inf", "+nan", "-0x1p3", "-NaN", "+Inf", "-1e5", "-0x10", "+1_000",
    ])
    func doubleLookalikesAreGuarded(_ cell: String) {
        #expect(SpreadsheetCSV.safe(cell) == "'" + cell)
    }

    @Test("plain numbers stay numbers", arguments: ["-12", "+12.5", "-0.5", "-12,345.6", "-1,234,567", "12"])
    func numbersStay(_ cell: String) {
        #expect(SpreadsheetCSV.safe(cell) == cell)
    }

    /// Random cells built from the characters that matter (signs, digits, separators,
    /// letters, quotes, control bytes, CJK) never come out starting a formula.
    @Test func randomCellsNeverStartAFormula() {
        var random = SeededGenerator(seed: 20_241_204)
        let alphabet: [String] = ["=", "+", "-", "@", "\t", "\r", "\n", "0", "1", "9", ".", ",", "e", "E", "x", "n", "a",
                                  "i", "f", "(", ")", "\"", "'", " ", "　", "北", "𠀀", "\u{0}", "\u{FEFF}", "１"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...8, using: &random)
            let cell = (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
            let safe = SpreadsheetCSV.safe(cell)
            #expect(!Self.startsFormula(safe), "\(cell.debugDescription) → \(safe.debugDescription)")
            #expect(safe == cell || safe == "'" + cell)
        }
    }

    /// Every cell of a rendered alerts.csv, read back, is safe: names, messages and figures from random bytes.
    @Test func renderedAlertsAreSafe() {
        var random = SeededGenerator(seed: 7)
        var findings: [Finding] = []
        for i in 0..<300 {
            let bytes = (0..<Int.random(in: 1...12, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            findings.append(ReportFixtures.finding(name: text, message: text, observed: text, number: i))
        }
        let rendered = String(decoding: AlertsCSV.render(findings, ReportFixtures.renderer).dropFirst(3), as: UTF8.self)
        for record in CSVRecords.parse(rendered) {
            for cell in record { #expect(!Self.startsFormula(cell), "\(cell.debugDescription)") }
        }
    }
}
