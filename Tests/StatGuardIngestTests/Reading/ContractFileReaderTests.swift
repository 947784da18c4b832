import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Reading whole contract files: encodings, line ends, quoting, headers, columns, values.
@Suite struct ContractFileReaderTests {
    let csv = ContractCSV.reports

    /// Three rows whose names exercise quoting, in every encoding and line end.
    var quotingRows: [[String]] {
        [
            csv.row(["credit_code": TestCodes.realValid[0], "name": "北京焦化有限公司"]),
            csv.row(["credit_code": TestCodes.realValid[1], "name": "天津钢铁,集团"]),
            csv.row(["credit_code": TestCodes.realValid[2], "name": "河北\"冀中\"能源"]),
            csv.row(["credit_code": TestCodes.realValid[3], "name": "山西焦煤\n第二分公司"]),
            csv.row(["credit_code": TestCodes.realValid[4], "name": "厦门𠮷祥电力"]),
        ]
    }

    @Test("GB18030, UTF-8 with and without BOM, LF and CRLF read the same", arguments: FixtureEncoding.allCases, LineEnding.allCases)
    func encodingsAndLineEnds(_ encoding: FixtureEncoding, _ lineEnding: LineEnding) throws {
        let result = try readFixture(csv.text(quotingRows), encoding: encoding, lineEnding: lineEnding)
        #expect(result.kind == .reports)
        #expect(result.rowsRead == 5)
        #expect(result.quarantined.isEmpty, "\(result.quarantined.map(\.reason))")
        let expectedNewline = lineEnding == .crlf ? "\r\n" : "\n"
        #expect(result.table.strings(ReportField.name) == [
            "北京焦化有限公司", "天津钢铁,集团", "河北\"冀中\"能源", "山西焦煤\(expectedNewline)第二分公司", "厦门𠮷祥电力",
        ])
        // The embedded line break makes row 4 two physical lines: row 5 starts on line 7.
        #expect(result.table.lines == [2, 3, 4, 5, 7])
        #expect(result.table.creditCodes.map(\.description) == Array(TestCodes.realValid.prefix(5)))
        #expect(result.stream.encoding == (encoding == .gb18030 ? .gb18030 : .utf8))
        #expect(result.stream.hadByteOrderMark == (encoding == .utf8WithBOM))
        #expect(result.notices.contains(.readAsGB18030) == (encoding == .gb18030))
        if encoding == .gb18030 { #expect(result.notices.first == .readAsGB18030) }
        #expect(result.table[ReportField.grossOutput] == Array(repeating: 1200.5, count: 5))
        #expect(result.period == Period(year: 2024, month: 3))
    }

    @Test func lineNumbersAfterEmbeddedBreaksBlankLinesAndQuarantinedRows() throws {
        for lineEnding in LineEnding.allCases {
            var text = CSVEncoding.record(csv.header)
            text += CSVEncoding.record(csv.row(["name": "北京\n焦化", "credit_code": TestCodes.valid(1)]))  // lines 2-3
            text += CSVEncoding.record(csv.row(["gross_output": "-5", "credit_code": TestCodes.valid(2)]))  // line 4
            text += "\n"  // line 5
            text += CSVEncoding.record(csv.row(["name": "say \"hi\", ok\n\n", "credit_code": TestCodes.valid(3)]))  // lines 6-8
            text += CSVEncoding.record(csv.row(["region_code": "1", "credit_code": TestCodes.valid(4)]))  // line 9
            text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(5)]).map { _ in "" })  // line 10: blank row
            text += CSVEncoding.record(csv.row(["credit_code": TestCodes.valid(6)]))  // line 11
            let result = try readFixture(text, lineEnding: lineEnding)
            #expect(result.table.lines == [2, 6, 11], "\(lineEnding)")
            #expect(result.quarantined.map(\.line) == [4, 9], "\(lineEnding)")
            #expect(result.quarantined.map(\.rule) == [.S06, .S04])
            #expect(result.rowsRead == 5)
            #expect(result.notices.contains(.blankRows(count: 1, firstLine: 10)))
        }
    }

    @Test func thousandsSeparatorsFullWidthDigitsAndExponents() throws {
        let text = csv.text([
            csv.row(["credit_code": TestCodes.valid(1), "gross_output": "12,345.6", "gross_output_ytd": "１２，３４５．６",
                     "sales_output": " 1,000 ", "electricity": "1.5E+3", "profit_ytd": "－１２", "employees": "１,２００"]),
        ])
        let result = try readFixture(text)
        #expect(result.quarantined.isEmpty, "\(result.quarantined.map(\.reason))")
        #expect(result.table[ReportField.grossOutput] == [12345.6])
        #expect(result.table[ReportField.grossOutputYTD] == [12345.6])
        #expect(result.table[ReportField.salesOutput] == [1000])
        #expect(result.table[ReportField.electricity] == [1500])
        #expect(result.table[ReportField.profitYTD] == [-12])
        #expect(result.table[ReportField.employees] == [1200])
    }

    @Test func missingIsNotZero() throws {
        let text = csv.text([
            csv.row(["credit_code": TestCodes.valid(1), "gross_output_ly": "", "gross_output_ytd_ly": "-",
                     "export_delivery": "—", "energy": "/", "park": ""]),
            csv.row(["credit_code": TestCodes.valid(2), "gross_output_ly": "0", "gross_output_ytd_ly": "0",
                     "export_delivery": "0", "energy": "0.0"]),
            csv.row(["credit_code": TestCodes.valid(3), "gross_output_ly": "－", "gross_output_ytd_ly": "——",
                     "export_delivery": "／", "energy": " "]),
        ])
        let result = try readFixture(text)
        #expect(result.rowsLoaded == 3)
        for field in [ReportField.grossOutputLastYear, .grossOutputYTDLastYear, .exportDelivery, .energy] {
            let column = result.table[field]
            #expect(column[0].isNaN, "\(field)")
            #expect(column[1] == 0, "\(field)")
            #expect(column[2].isNaN, "\(field)")
        }
        #expect(result.table.strings(ReportField.park) == ["", "高新技术产业园", "高新技术产业园"])
    }

    @Test("every period spelling loads as the load's period", arguments: [
        "2024-03", "202403", "2024/03", "2024年3月", "2024.3", "2024-3", "２０２４年３月", "2024/3/1",
    ])
    func periodSpellings(_ spelling: String) throws {
        let result = try readFixture(csv.text([csv.row(["period": spelling])]))
        #expect(result.quarantined.isEmpty, "\(result.quarantined.map(\.reason))")
        #expect(result.table[period: ReportField.period] == [Period(year: 2024, month: 3)])
    }

    @Test func combinedFirstPeriod() throws {
        let text = csv.text([csv.row(["period": "2024年1-2月"]), csv.row(["period": "2024-02", "credit_code": TestCodes.valid(1)])])
        let result = try readFixture(text, name: "reports_202402.csv")
        #expect(result.quarantined.isEmpty)
        #expect(result.period == Period(year: 2024, month: 2))
        #expect(result.table[period: ReportField.period] == [Period(year: 2024, month: 2), Period(year: 2024, month: 2)])
    }

    @Test func loadPeriodFromOptionsOverridesTheFileName() throws {
        let text = csv.text([csv.row(["period": "2024-04"])])
        let result = try readFixture(text, name: "reports_202403.csv", options: ReadOptions(period: Period(year: 2024, month: 4)))
        #expect(result.quarantined.isEmpty)
        #expect(result.period == Period(year: 2024, month: 4))
    }

    @Test func noLoadPeriodMeansNoPeriodCheck() throws {
        let text = csv.text([csv.row(["period": "2023-11"]), csv.row(["period": "2024-03", "credit_code": TestCodes.valid(1)])])
        let result = try readFixture(text, name: "monthly.csv", kind: .reports)
        #expect(result.period == nil)
        #expect(result.quarantined.isEmpty)
    }

    @Test func englishHeader() throws {
        let english = csv.header(.english)
        let result = try readFixture(english.text([english.row()]))
        #expect(result.quarantined.isEmpty)
        #expect(result.table.strings(ReportField.name) == ["北京焦化有限公司"])
        #expect(result.notices.isEmpty)
    }

    @Test func headerSpellingsAndAliases() throws {
        var header = csv.header
        header[0] = " Credit_Code "
        header[5] = "工业总产值（当年价格）本月"
        header[6] = "工业总产值 ( 当年价格 ) 本年累计"
        header[9] = "SALES OUTPUT"
        header[16] = "职工人数"  // a local name, mapped by the pipeline's alias
        let text = CSVEncoding.record(header) + CSVEncoding.record(csv.row())
        let result = try readFixture(text, options: ReadOptions(aliases: ["职工人数": "employees"]))
        #expect(result.quarantined.isEmpty)
        #expect(result.notices.isEmpty)
        #expect(result.table[ReportField.grossOutput] == [1200.5])
        #expect(result.table[ReportField.grossOutputYTD] == [3400])
        #expect(result.table[ReportField.salesOutput] == [1150])
        #expect(result.table[ReportField.employees] == [230])
    }

    @Test func columnsInAnyOrder() throws {
        var generator = SeededGenerator(seed: 4754)
        for round in 0..<10 {
            var shuffled = csv
            shuffled.columns.shuffle(using: &generator)
            if round % 2 == 1 { shuffled.headerStyle = .english }
            let rows = (0..<3).map { i in
                shuffled.row(["credit_code": TestCodes.valid(i), "gross_output": "\(i + 1)00", "name": "企业\(i)",
                              "industry_code": ["0610", "2521", "4411"][i], "region_code": "11010800100\(i)"])
            }
            let result = try readFixture(shuffled.text(rows))
            #expect(result.quarantined.isEmpty, "\(shuffled.columns)")
            #expect(result.table[ReportField.grossOutput] == [100, 200, 300], "\(shuffled.columns)")
            #expect(result.table.strings(ReportField.name) == ["企业0", "企业1", "企业2"])
            #expect(result.table.industryCodes.map(\.description) == ["0610", "2521", "4411"])
            #expect(result.table.regionCodes.map(\.description) == ["110108001000", "110108001001", "110108001002"])
            #expect(result.table.creditCodes.map(\.description) == (0..<3).map(TestCodes.valid))
            #expect(result.table[ReportField.employees] == [230, 230, 230])
        }
    }

    @Test func optionalColumnsMayBeAbsent() throws {
        let slim = csv.dropping("gross_output_ly", "gross_output_ytd_ly", "export_delivery", "energy", "park")
        let result = try readFixture(slim.text(rowCount: 3))
        #expect(result.rowsLoaded == 3)
        #expect(result.notices.isEmpty)
        for field in [ReportField.grossOutputLastYear, .grossOutputYTDLastYear, .exportDelivery, .energy] {
            #expect(result.table[field].count == 3)
            #expect(result.table[field].allSatisfy { $0.isNaN }, "\(field)")
        }
        #expect(result.table.strings(ReportField.park) == ["", "", ""])
        #expect(result.table[ReportField.grossOutput] == [1200.5, 1200.5, 1200.5])
    }

    @Test func unknownColumnsArePassedThroughWithOneNotice() throws {
        var header = csv.header
        header.insert("备注", at: 3)
        header.append("Remarks")
        var text = CSVEncoding.record(header)
        for i in 0..<4 {
            var row = csv.row(["credit_code": TestCodes.valid(i), "gross_output": i == 2 ? "abc" : "1"])
            row.insert("备注\(i)", at: 3)
            row.append(i == 0 ? "" : "note, \(i)")
            text += CSVEncoding.record(row)
        }
        let result = try readFixture(text)
        #expect(result.notices == [.unknownColumns(["备注", "Remarks"])])
        #expect(result.table.passThrough.map(\.header) == ["备注", "Remarks"])
        let notes = result.table.passThrough[0].values
        #expect((0..<notes.count).map { notes[$0] } == ["备注0", "备注1", "备注3"])  // row 2 was quarantined
        let remarks = result.table.passThrough[1].values
        #expect((0..<remarks.count).map { remarks[$0] } == ["", "note, 1", "note, 3"])
        var quarantinedCells = csv.row(["credit_code": TestCodes.valid(2), "gross_output": "abc"])
        quarantinedCells.insert("备注2", at: 3)
        quarantinedCells.append("note, 2")
        #expect(result.quarantined.map(\.cells) == [quarantinedCells])
        #expect(result.table[ReportField.grossOutput] == [1, 1, 1])
        #expect(FileNotice.unknownColumns(["备注", "Remarks"]).description.contains("'备注', 'Remarks'"))
    }

    @Test func leadingZeroIndustryCodeIsPaddedWithANotice() throws {
        let text = csv.text([
            csv.row(["credit_code": TestCodes.valid(1), "industry_code": "2521"]),
            csv.row(["credit_code": TestCodes.valid(2), "industry_code": "610"]),
            csv.row(["credit_code": TestCodes.valid(3), "industry_code": "690"]),
        ])
        let result = try readFixture(text)
        #expect(result.quarantined.isEmpty)
        #expect(result.table.industryCodes.map(\.description) == ["2521", "0610", "0690"])
        #expect(result.notices == [.paddedIndustryCodes(count: 2, firstLine: 3)])
        #expect(result.notices[0].description.contains("padded"))
    }

    @Test func blankRowsAreSkippedAndCounted() throws {
        let blank = String(repeating: ",", count: csv.columns.count - 1) + "\n"
        let text = CSVEncoding.record(csv.header) + blank + CSVEncoding.record(csv.row()) + blank + blank
        let result = try readFixture(text)
        #expect(result.rowsRead == 1)
        #expect(result.rowsLoaded == 1)
        #expect(result.table.lines == [3])
        #expect(result.notices == [.blankRows(count: 3, firstLine: 2)])
    }

    @Test func kindIsInferredFromTheHeader() throws {
        let files: [(ContractCSV, FileKind)] = [
            (.reports, .reports), (.products, .products), (.register, .register), (.capacity, .capacity), (.admin, .admin),
            (ContractCSV.register.header(.english), .register),
        ]
        for (fixture, kind) in files {
            let result = try readFixture(fixture.text(rowCount: 2), name: "data.csv")
            #expect(result.kind == kind)
            #expect(result.rowsLoaded == 2, "\(kind): \(result.quarantined.map(\.reason))")
        }
    }

    @Test func kindIsInferredFromTheFileName() throws {
        let result = try readFixture(ContractCSV.register.text(rowCount: 1), name: "register.csv")
        #expect(result.kind == .register)
        #expect(result.period == nil)
    }

    @Test func otherContractFilesLoad() throws {
        let products = try readFixture(ContractCSV.products.text(rowCount: 2), name: "products_202403.csv")
        #expect(products.table[ProductField.output] == [1200, 1200])
        #expect(products.table.strings(ProductField.unit) == ["吨", "吨"])
        let register = try readFixture(ContractCSV.register.text([
            ContractCSV.register.row(),
            ContractCSV.register.row(["credit_code": TestCodes.valid(1), "above_scale": "0", "status": "4", "exited": "2024年3月"]),
        ]), name: "register.csv")
        #expect(register.quarantined.isEmpty)
        #expect(register.table[code: RegisterField.aboveScale] == [1, 0])
        #expect(register.table[code: RegisterField.status] == [1, 4])
        #expect(register.table[period: RegisterField.entered] == [Period(year: 2020, month: 1), Period(year: 2020, month: 1)])
        #expect(register.table[period: RegisterField.exited] == [nil, Period(year: 2024, month: 3)])
        let capacity = try readFixture(ContractCSV.capacity.text(rowCount: 1), name: "capacity.csv")
        #expect(capacity.table[CapacityField.annualCapacity] == [50000])
        let admin = try readFixture(ContractCSV.admin.text(rowCount: 1), name: "admin_202403.csv")
        #expect(admin.table[AdminField.invoicedSales] == [3400])
    }

    @Test func allowListAcceptsACodeFailingOnlyItsCheckCharacter() throws {
        let text = csv.text([csv.row(["credit_code": TestCodes.realFailing])])
        let without = try readFixture(text)
        #expect(without.quarantined.map(\.rule) == [.S02])
        let allowed = try CreditCode.parse(TestCodes.realFailing, allowCheckFailure: true).get()
        let with = try readFixture(text, options: ReadOptions(creditCodeAllowList: [allowed]))
        #expect(with.quarantined.isEmpty)
        #expect(with.table.creditCodes.map(\.description) == [TestCodes.realFailing])
        // The list names codes, not a loophole: another failing code is still quarantined.
        let other = try readFixture(csv.text([csv.row(["credit_code": "91110000101623741J"])]),
                                    options: ReadOptions(creditCodeAllowList: [allowed]))
        #expect(other.quarantined.map(\.rule) == [.S02])
    }

    @Test func quarantinedRowsKeepEveryOriginalCell() throws {
        let bad = csv.row(["name": "=HYPERLINK(\"x\")", "gross_output": "1,23", "park": "园区, 一期"])
        let result = try readFixture(csv.text([bad]))
        let row = try #require(result.quarantined.first)
        #expect(row.cells == bad)
        #expect(row.sourceFile.hasSuffix("reports_202403.csv"))
        #expect(row.line == 2)
        #expect(row.rule == .S05)
        #expect(result.quarantineCounts == [.S05: 1])
    }
}

/// regions.csv (contract 2.6): names for region codes of any level, in any contract encoding.
@Suite struct RegionNamesReaderTests {
    @Test func readsNamesAndQuarantinesBadRowsWithTheirLines() throws {
        let folder = try FixtureFolder("regions")
        let text = "区划代码,名称\r\n511703,达川区\r\n511703001,明池街道\r\n51170300,坏代码\r\n511702,\r\n511703,重复\r\n511703001001,某村\r\n"
        let path = try folder.write("regions.csv", bytes: FixtureBytes.gb18030(text))
        let read = try RegionNamesReader().read(path: path)
        #expect(read.names.label("511703") == "达川区 511703")
        #expect(read.names.label("511703001001") == "某村 511703001001")
        #expect(read.names.label("511725") == "511725", "a code without a name shows alone")
        #expect(read.quarantined.map(\.line) == [4, 5, 6])
        #expect(read.quarantined.map(\.rule) == [.S04, .S01, .S08])
        #expect(read.rowsRead == 6)
    }

    @Test func aFileWithoutTheColumnsIsUnusable() throws {
        let folder = try FixtureFolder("regions")
        let path = try folder.write("regions.csv", text: "code_x,名字\n511703,达川区\n")
        #expect(throws: IngestError.self) { try RegionNamesReader().read(path: path) }
    }
}

/// The rows a file holds, estimated again from its first rows' bytes: reserved once, not copied over halfway.
@Suite struct RowEstimateTests {
    /// `count` rows of the reports file with distinct codes (no S08 duplicates).
    static func bytes(rows count: Int) -> [UInt8] {
        Array(ContractCSV.reports.text(rowCount: count).utf8)
    }

    @Test func aFileOfShortRowsIsReservedForFromItsFirstRows() throws {
        let bytes = Self.bytes(rows: 3000)
        // The size guess (200 bytes a row) falls short of these rows.
        var loader = RowLoader(
            file: "reports_202403.csv", kind: .reports, period: Period(year: 2024, month: 3), options: ReadOptions(),
            expectedRows: bytes.count / 200, fileBytes: bytes.count)
        #expect(loader.expectedRows < 3000)
        _ = try CSVFileStream(name: "reports_202403.csv", contents: bytes).read { loader.accept($0) }
        #expect(loader.expectedRows >= 3000 && loader.expectedRows <= Int(3000 * RowLoader.spareRows * 1.1), "\(loader.expectedRows)")
        #expect(loader.rowsLoaded == 3000)
    }

    @Test func aGB18030FileIsReservedForAllItsRows() throws {
        // Chinese text takes two bytes a character in the file and three decoded: counted in decoded bytes,
        // the first rows make the file look shorter than it is. A tenth to spare fell short here.
        let csv = ContractCSV.reports
        let text = csv.text((0..<3000).map {
            csv.row(["credit_code": TestCodes.valid($0), "name": "四川省达州市通川区西外镇新材料科技有限责任公司"])
        })
        let bytes = FixtureBytes.gb18030(text)
        var loader = RowLoader(
            file: "reports_202403.csv", kind: .reports, period: Period(year: 2024, month: 3), options: ReadOptions(),
            expectedRows: bytes.count / 200, fileBytes: bytes.count)
        _ = try CSVFileStream(name: "reports_202403.csv", contents: bytes).read { loader.accept($0) }
        #expect(loader.rowsLoaded == 3000)
        #expect(loader.expectedRows >= 3000, "\(loader.expectedRows)")
    }

    @Test func aGuessAlreadyLargeEnoughIsKept() throws {
        let bytes = Self.bytes(rows: 2000)
        var loader = RowLoader(
            file: "reports_202403.csv", kind: .reports, period: Period(year: 2024, month: 3), options: ReadOptions(),
            expectedRows: 50_000, fileBytes: bytes.count)
        _ = try CSVFileStream(name: "reports_202403.csv", contents: bytes).read { loader.accept($0) }
        #expect(loader.expectedRows == 50_000)
        #expect(loader.rowsLoaded == 2000)
    }
}
