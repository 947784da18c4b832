import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Regressions (issue 11): Excel's trailing empty columns (`…,park,,`) gave pass-through
/// columns with an empty name, and two columns with the same unknown header collided in the
/// store, which keys pass-through columns by name (a SQLite UNIQUE error).
@Suite struct PassThroughColumnTests {
    let csv = ContractCSV.reports

    /// `rows` with `extra` cells appended to the header and `cells(i)` to row `i`.
    func text(extra: [String], rows: Int, cells: (Int) -> [String]) -> String {
        CSVEncoding.record(csv.header + extra)
            + (0..<rows).map { CSVEncoding.record(csv.row(["credit_code": TestCodes.valid($0)]) + cells($0)) }.joined()
    }

    @Test func excelTrailingEmptyColumnsLoadWithoutFuss() throws {
        let result = try readFixture(text(extra: ["", ""], rows: 3) { _ in ["", ""] }, lineEnding: .crlf)
        #expect(result.rowsLoaded == 3)
        #expect(result.quarantined.isEmpty)
        #expect(result.notices.isEmpty)
        #expect(result.table.passThrough.isEmpty)
    }

    @Test func rowsMayLackOrAddEmptyTrailingCells() throws {
        var text = CSVEncoding.record(csv.header + ["", "", ""])
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(1)]))  // lacks the three
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(2)]) + ["", "", "", "", ""])  // two more
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(3)]) + [""])
        text += CSVEncoding.record(Array(csv.row(["credit_code": TestCodes.valid(4)]).dropLast()))  // lacks a named column: S09
        text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(5)]) + ["", "", "", "x"])  // a value past the header: S09
        let result = try readFixture(text)
        #expect(result.table.lines == [2, 3, 4])
        #expect(result.quarantined.map(\.rule) == [.S09, .S09])
        #expect(result.notices.isEmpty)
    }

    @Test func anEmptyHeaderOverValuesIsNamedByPosition() throws {
        let result = try readFixture(text(extra: ["", ""], rows: 3) { $0 == 1 ? ["", "补报"] : ["", ""] })
        let position = "column_\(ContractCSV.reports.columns.count + 2)"  // the second column after the contract's
        #expect(result.table.passThrough.map(\.header) == [position])
        let values = result.table.passThrough[0].values
        #expect((0..<values.count).map { values[$0] } == ["", "补报", ""])
        #expect(result.notices == [.renamedColumns([position])])
    }

    @Test func repeatedUnknownHeadersGetUniqueNames() throws {
        let blank = "column_\(ContractCSV.reports.columns.count + 3)"  // the name the blank third extra header gets
        let extra = ["备注", "备注", " ", "备注 (2)", blank]
        let result = try readFixture(text(extra: extra, rows: 2) { ["a\($0)", "b\($0)", "c\($0)", "d\($0)", "e\($0)"] })
        let names = result.table.passThrough.map(\.header)
        #expect(names == ["备注", "备注 (2)", blank, "备注 (2) (2)", "\(blank) (2)"])
        #expect(Set(names).count == names.count)  // the store's key
        #expect(result.notices == [
            .unknownColumns(["备注"]), .renamedColumns(["备注 (2)", blank, "备注 (2) (2)", "\(blank) (2)"]),
        ])
        let third = result.table.passThrough[2].values
        #expect((0..<third.count).map { third[$0] } == ["c0", "c1"])
        #expect(FileNotice.renamedColumns(["column_21"]).description.contains("empty or repeated header"))
    }

    @Test func aQuarantinedRowKeepsItsTrailingCells() throws {
        let result = try readFixture(text(extra: ["", ""], rows: 2) { $0 == 1 ? ["", "x"] : ["", ""] }
            .replacingOccurrences(of: "1200.5", with: "abc"))
        #expect(result.quarantined.count == 2)
        #expect(result.quarantined.allSatisfy { $0.cells.count == csv.header.count + 2 })
    }
}
