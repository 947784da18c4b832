import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Whole-file errors: the file cannot be used, and the one line says why and where.
@Suite struct IngestErrorTests {
    let csv = ContractCSV.reports

    @Test func missingRequiredColumnNamesItAndListsTheHeaderSeen() throws {
        let slim = csv.dropping("industry_code")
        let error = try ingestError(slim.text(rowCount: 2))
        #expect(error?.reason == .missingColumns(["行业代码 (industry_code)"], seenHeader: slim.header))
        let text = error?.description ?? ""
        #expect(text.contains("required column '行业代码 (industry_code)' missing"))
        #expect(text.contains("the header has: " + slim.header.joined(separator: ", ")))
        #expect(!text.contains("\n"))
    }

    @Test func severalMissingColumns() throws {
        let slim = csv.header(.english).dropping("credit_code", "employees", "park")
        let error = try ingestError(slim.text([slim.row()]))
        #expect(error?.reason == .missingColumns(
            ["统一社会信用代码 (credit_code)", "从业人员期末人数 (employees)"], seenHeader: slim.header))
        #expect(error?.description.contains("required columns") == true)
    }

    @Test func twoColumnsForOneField() throws {
        let header = csv.header + ["credit_code"]
        let text = CSVEncoding.record(header) + CSVEncoding.record(csv.row() + [TestCodes.realValid[1]])
        let error = try ingestError(text)
        #expect(error?.reason == .duplicateColumn(field: "credit_code", headers: ["统一社会信用代码", "credit_code"]))
    }

    @Test func emptyFiles() throws {
        #expect(try ingestError(bytes: [])?.reason == .empty)
        #expect(try ingestError("\n\r\n\n")?.reason == .empty)
        #expect(try ingestError(bytes: FixtureBytes.byteOrderMark)?.reason == .empty)
    }

    @Test func headerOnlyIsAnEmptyButUsableFile() throws {
        let result = try readFixture(csv.text([]))
        #expect(result.rowsRead == 0)
        #expect(result.table.count == 0)
    }

    @Test func xlsxWorkbook() throws {
        // A zip archive's local file header, as every .xlsx starts.
        let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8)
        let error = try ingestError(bytes: bytes, name: "reports_202403.csv")
        guard case .notCSV(let what)? = error?.reason else {
            Issue.record("expected .notCSV, got \(String(describing: error))")
            return
        }
        #expect(what.contains("xlsx"))
    }

    @Test func otherBinaryFormats() throws {
        let xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("a,b\n".utf8).flatMap { [$0, 0] }
        let nul: [UInt8] = Array("credit_code,name\n".utf8) + [0, 0, 0, 0x0A]
        for (bytes, expected) in [(xls, "xls"), (utf16, "UTF-16"), (nul, "NUL")] {
            guard case .notCSV(let what)? = try ingestError(bytes: bytes)?.reason else {
                Issue.record("expected .notCSV for \(expected)")
                continue
            }
            #expect(what.contains(expected))
        }
    }

    @Test func singleColumnHeader() throws {
        let tabbed = csv.header.joined(separator: "\t") + "\n" + csv.row().joined(separator: "\t") + "\n"
        let error = try ingestError(tabbed)
        guard case .notCSV(let what)? = error?.reason else {
            Issue.record("expected .notCSV, got \(String(describing: error))")
            return
        }
        #expect(what.contains("single column"))
        #expect(what.contains("tabs"))
    }

    @Test func unknownKind() throws {
        let error = try ingestError("a,b,c\n1,2,3\n", name: "data.csv")
        #expect(error?.reason == .unknownKind(header: ["a", "b", "c"]))
        #expect(error?.description.contains("--kind") == true)
    }

    @Test func unreadableFile() throws {
        let folder = try FixtureFolder("errors")
        let error = #expect(throws: IngestError.self) {
            try ContractFileReader().read(path: folder.path("reports_202403.csv"))
        }
        guard case .unreadable? = error?.reason else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
    }

    /// ASCII rows, then bytes valid in neither UTF-8 nor GB18030 on line 4.
    var undecodableAfterASCII: [UInt8] {
        var english = csv.header(.english)
        english.defaults["name"] = "Beijing Coking"
        english.defaults["park"] = "Hi-Tech Park"
        let rows = english.text([english.row(), english.row(["name": "Tianjin Steel", "credit_code": TestCodes.valid(1)])])
        let bad = english.row(["name": "XX", "credit_code": TestCodes.valid(2)]).joined(separator: ",")
        let parts = bad.components(separatedBy: "XX")
        return Array(rows.utf8) + Array(parts[0].utf8) + [0xFF, 0xFF] + Array((parts[1] + "\n").utf8)
            + Array(english.row(["credit_code": TestCodes.valid(3)]).joined(separator: ",").utf8) + [0x0A]
    }

    @Test("undecodable bytes after ASCII rows", arguments: [1 << 20, 7, 1, 64])
    func undecodableAfterASCIIRows(_ chunkSize: Int) throws {
        let error = try ingestError(bytes: undecodableAfterASCII, options: ReadOptions(chunkSize: chunkSize))
        guard case .undecodable(let line, _)? = error?.reason else {
            Issue.record("expected .undecodable, got \(String(describing: error))")
            return
        }
        #expect(line == 4)
        #expect(error?.description.contains("line 4") == true)
        #expect(error?.description.contains("UTF-8") == true)
        #expect(error?.description.contains("GB18030") == true)
    }

    @Test("undecodable bytes in a UTF-8 file with Chinese text", arguments: [1 << 20, 7, 1])
    func undecodableInUTF8(_ chunkSize: Int) throws {
        let text = csv.text(rowCount: 3)  // Chinese header and names: clearly UTF-8
        let bytes = Array(text.utf8) + Array("91110108000000".utf8) + [0xFF, 0xFF] + Array("\n".utf8)
        let error = try ingestError(bytes: bytes, options: ReadOptions(chunkSize: chunkSize))
        #expect(error?.reason == .undecodable(line: 5, tried: "read as UTF-8"))
    }

    @Test("undecodable bytes in a GB18030 file", arguments: [1 << 20, 7, 1])
    func undecodableInGB18030(_ chunkSize: Int) throws {
        let text = csv.text(rowCount: 3)
        let bytes = FixtureBytes.gb18030(text) + Array("9111".utf8) + [0xFF, 0xFF] + Array("\n".utf8)
        let error = try ingestError(bytes: bytes, options: ReadOptions(chunkSize: chunkSize))
        #expect(error?.reason == .undecodable(line: 5, tried: "read as GB18030"))
    }

    @Test("a quote in the header that never closes", arguments: [1 << 20, 7, 1])
    func unterminatedQuoteInTheHeader(_ chunkSize: Int) throws {
        // In a data row this is quarantined (RunawayQuoteTests); a header cut short cannot be used.
        var text = CSVEncoding.record(csv.header).replacingOccurrences(of: "单位详细名称", with: "\"单位详细名称")
        text += CSVEncoding.record(csv.row())
        let error = try ingestError(text, options: ReadOptions(chunkSize: chunkSize))
        #expect(error?.reason == .unterminatedQuote(line: 1))
        #expect(error?.description.contains("line 1") == true)
    }

    @Test func descriptionsAreOneLineNamingTheFile() {
        let reasons: [IngestError.Reason] = [
            .unreadable("No such file or directory"), .empty, .notCSV("it is a zip archive"),
            .unknownKind(header: ["a", "b"]), .missingColumns(["行业代码 (industry_code)"], seenHeader: ["a"]),
            .duplicateColumn(field: "name", headers: ["name", "单位详细名称"]),
            .undecodable(line: 7, tried: "read as UTF-8"), .unterminatedQuote(line: 9),
        ]
        for reason in reasons {
            let text = IngestError(file: "in/reports_202403.csv", reason: reason).description
            #expect(text.hasPrefix("in/reports_202403.csv: "))
            #expect(!text.contains("\n"))
        }
    }
}
