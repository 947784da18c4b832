import Foundation
import StatGuardTestSupport
import StatGuardWorkbook
import Testing

@Suite struct WorkbookTests {
    /// A small workbook with every cell kind, a drop-down, a frozen column and text that looks like a formula.
    static var sample: Workbook {
        let columns = [Column("名称 name"), Column("金额（千元）"), Column("增速"), Column("企业数"), Column("status", choices: ["open", "in_review", "corrected"])]
        let rows: [[Cell]] = [
            [.text("达州市通川焦化有限公司"), .number(12_345.67, .thousandYuan), .number(0.1234, .percent), .integer(12), .empty],
            [.text(RenderFixtures.hostileName), .figure(nil, .thousandYuan), .number(.nan, .percent), .integer(-3), .text("open")],
            [.text("+SUM(A1:A2)"), .number(-0.5, .thousandYuan), .figure(-0.021, .percent), .integer(1_234_567), .empty],
        ]
        return Workbook(
            sheets: [Sheet(name: "预警 alerts", columns: columns, rows: rows, frozenColumns: 1),
                     Sheet(name: "第二页", columns: [Column("a")], rows: [[.text("x")]])],
            properties: DocumentProperties(title: "测试 & <test>", created: Date(timeIntervalSince1970: 1_709_251_200)))  // 2024-03-01
    }

    @Test func sheetXMLMatchesGolden() throws {
        let xlsx = try Self.sample.xlsx()
        Golden.check(try XLSXArchive.entry(xlsx, "xl/worksheets/sheet1.xml"), "workbook-sheet1.xml")
        Golden.check(try XLSXArchive.entry(xlsx, "xl/styles.xml"), "workbook-styles.xml")
    }

    /// `=cmd|' /C calc'!A0` and `+SUM(…)` are inline strings (`t="inlineStr"`), and the sheet has no formula at all.
    @Test func formulaLikeTextStaysAString() throws {
        let xlsx = try Self.sample.xlsx()
        let sheet = try XLSXArchive.entry(xlsx, "xl/worksheets/sheet1.xml")
        #expect(!sheet.contains("<f>") && !sheet.contains("<f "))
        #expect(sheet.contains("<c r=\"A3\" t=\"inlineStr\"><is><t>=cmd|' /C calc'!A0</t></is></c>"))
        #expect(sheet.contains("<c r=\"A4\" t=\"inlineStr\"><is><t>+SUM(A1:A2)</t></is></c>"))
    }

    @Test func frozenHeaderAutofilterAndDropDown() throws {
        let sheet = try XLSXArchive.entry(try Self.sample.xlsx(), "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:E4\"/>"))
        #expect(sheet.contains("<dataValidation type=\"list\""))
        #expect(sheet.contains("sqref=\"E2:E4\""))
        #expect(sheet.contains("<formula1>\"open,in_review,corrected\"</formula1>"))
    }

    /// Written twice more than a second apart, the bytes are the same: the document date is fixed and the
    /// zip entries carry libxlsxwriter's fixed 1980-01-01.
    @Test func sameInputSameBytesAcrossSeconds() throws {
        let first = try Self.sample.xlsx()
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.sample.xlsx()
        #expect(first == second)
        let entries = try XLSXArchive.listing(first).filter { $0.contains("xl/") || $0.contains("docProps/") }
        #expect(!entries.isEmpty && entries.allSatisfy { $0.contains(" 19800101.000000 ") }, "\(entries)")
        let core = try XLSXArchive.entry(first, "docProps/core.xml")
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-03-01T00:00:00Z</dcterms:created>"))
        #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-03-01T00:00:00Z</dcterms:modified>"))
        #expect(core.contains("<dc:title>测试 &amp; &lt;test&gt;</dc:title>"))
    }

    @Test func writeReplacesTheFileAtomically() throws {
        let folder = NSTemporaryDirectory() + "/statguard-render-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/book.xlsx"
        try Self.sample.write(to: path)
        try Self.sample.write(to: path)
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == (try Self.sample.xlsx()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["book.xlsx"])
    }

    @Test func badSheetNamesThrowWithTheReason() {
        for (names, fragment) in [(["a/b"], "'/'"), (["预警", "预警"], "two sheets"), ([String(repeating: "长", count: 32)], "31"), ([""], "empty")] {
            let book = Workbook(sheets: names.map { Sheet(name: $0, columns: [Column("a")]) })
            #expect { try book.xlsx() } throws: { error in
                (error as? WorkbookError)?.message.contains(fragment) == true
            }
        }
    }

    /// libxlsxwriter's own refusal (a list over Excel's 255 characters) comes back as a WorkbookError with its message.
    @Test func libxlsxwriterErrorsBecomeSwiftErrors() throws {
        let choices = (0..<60).map { "choice\($0)" }
        let book = Workbook(sheets: [Sheet(name: "s", columns: [Column("status", choices: choices)], rows: [[.empty]])])
        let error = try #require(throws: WorkbookError.self) { try book.xlsx() }
        #expect(error.operation == "worksheet_data_validation_range")
        #expect(error.message.contains("255"))
        #expect(error.description.contains("sheet 's'"))
    }

    @Test func sheetNamesFromInputAreMadeValidAndUnique() {
        var taken: Set<String> = []
        #expect(SheetName.make("a/b:c", taken: &taken) == "a_b_c")
        #expect(SheetName.make("A_B_C", taken: &taken) == "A_B_C (2)")
        #expect(SheetName.make("'x'", taken: &taken) == "x")
        #expect(SheetName.make(String(repeating: "区", count: 40), taken: &taken) == String(repeating: "区", count: 31))
        #expect(SheetName.make(String(repeating: "区", count: 40), taken: &taken) == String(repeating: "区", count: 27) + " (2)")
        #expect(SheetName.make("", taken: &taken) == "Sheet")
        for name in taken { #expect(SheetName.problem(name) == nil, "\(name)") }
    }

    /// Chinese text is sized at two units a character, so a 10-character name gets a column about 22 wide.
    @Test func columnWidthsCountWideCharactersTwice() throws {
        let book = Workbook(sheets: [Sheet(
            name: "w", columns: [Column("名称"), Column("n"), Column("fixed", width: 9)],
            rows: [[.text("达州市通川焦化有限公司"), .number(1_234_567.8, .thousandYuan), .text("x")]], autofilter: false)])
        let sheet = try XLSXArchive.entry(try book.xlsx(), "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"24.7109375\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"13.7109375\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<col min=\"3\" max=\"3\" width=\"9.7109375\" customWidth=\"1\"/>"))
    }

    @Test func emptyWorkbookAndSheetsStillOpen() throws {
        let xlsx = try Workbook(sheets: [Sheet(name: "空", columns: [])]).xlsx()
        #expect(try XLSXArchive.entries(xlsx).contains("xl/worksheets/sheet1.xml"))
        #expect(try Workbook().xlsx().count > 0)
    }
}
