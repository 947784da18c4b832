@testable import StatGuardIngest
import StatGuardCore
import StatGuardTestSupport
import Testing

/// Streams a fixture file and collects its records.
func stream(
    _ bytes: [UInt8], pinned: TextEncoding? = nil, chunkSize: Int = 1 << 20
) throws -> (rows: [TokenizedRow], summary: StreamSummary) {
    let folder = try FixtureFolder("stream")
    let path = try folder.write("file.csv", bytes: bytes)
    var rows: [TokenizedRow] = []
    let summary = try CSVFileStream(path: path, pinnedEncoding: pinned, chunkSize: chunkSize).read { row in
        rows.append(TokenizedRow(line: row.line, cells: row.strings))
        return true
    }
    return (rows, summary)
}

/// Reading bytes from disk: encoding detection, byte-order marks, signatures, line numbers.
@Suite struct CSVFileStreamTests {
    let text = "统一社会信用代码,单位详细名称\n91110000101623741K,北京焦化有限公司\n911101066976941872,\"天津,钢铁\"\n"
    var expected: [TokenizedRow] {
        [
            TokenizedRow(line: 1, cells: ["统一社会信用代码", "单位详细名称"]),
            TokenizedRow(line: 2, cells: ["91110000101623741K", "北京焦化有限公司"]),
            TokenizedRow(line: 3, cells: ["911101066976941872", "天津,钢铁"]),
        ]
    }

    @Test func utf8WithoutBOM() throws {
        let result = try stream(FixtureBytes.encode(text, encoding: .utf8))
        #expect(result.rows == expected)
        #expect(result.summary.encoding == .utf8)
        #expect(!result.summary.hadByteOrderMark)
        #expect(result.summary.bytesRead == text.utf8.count)
    }

    @Test func utf8WithBOM() throws {
        let result = try stream(FixtureBytes.encode(text, encoding: .utf8WithBOM))
        #expect(result.rows == expected)  // the mark is not part of the first header cell
        #expect(result.summary.encoding == .utf8)
        #expect(result.summary.hadByteOrderMark)
        #expect(result.summary.bytesRead == text.utf8.count + 3)
    }

    @Test func gb18030IsDetected() throws {
        let bytes = FixtureBytes.encode(text, encoding: .gb18030)
        let result = try stream(bytes)
        #expect(result.rows == expected)
        #expect(result.summary.encoding == .gb18030)
        #expect(result.summary.bytesRead == bytes.count)
    }

    @Test func gb18030WithCRLF() throws {
        let result = try stream(FixtureBytes.encode(text, encoding: .gb18030, lineEnding: .crlf))
        #expect(result.rows == expected)
    }

    @Test func pinnedGB18030() throws {
        let result = try stream(FixtureBytes.encode(text, encoding: .gb18030), pinned: .gb18030)
        #expect(result.rows == expected)
        #expect(result.summary.encoding == .gb18030)
    }

    @Test func aByteOrderMarkOverridesAGB18030Pin() throws {
        let result = try stream(FixtureBytes.encode(text, encoding: .utf8WithBOM), pinned: .gb18030)
        #expect(result.rows == expected)
        #expect(result.summary.encoding == .utf8)
    }

    @Test func gb18030FileWithAUTF8PinIsUndecodable() throws {
        let folder = try FixtureFolder("stream")
        let path = try folder.write("file.csv", text: text, encoding: .gb18030)
        let error = #expect(throws: IngestError.self) {
            try CSVFileStream(path: path, pinnedEncoding: .utf8).read { _ in true }
        }
        #expect(error?.reason == .undecodable(line: 1, tried: "read as UTF-8"))
    }

    @Test func asciiOnlyFileIsUTF8() throws {
        let result = try stream(Array("a,b\n1,2\n".utf8))
        #expect(result.summary.encoding == .utf8)
        #expect(result.rows.count == 2)
    }

    @Test("a UTF-8 file with only a few Chinese characters stays UTF-8", arguments: [1, 3, 7, 1 << 20])
    func fewMultibyteCharactersStayUTF8(_ chunk: Int) throws {
        let result = try stream(Array("credit_code,name\n91110000101623741K,北京\n".utf8), chunkSize: chunk)
        #expect(result.summary.encoding == .utf8)
        #expect(result.rows.last?.cells == ["91110000101623741K", "北京"])
    }

    @Test("a GB18030 file whose first characters look like UTF-8", arguments: [1, 2, 4, 6, 1 << 20])
    func gb18030PairsThatLookLikeUTF8(_ chunk: Int) throws {
        // 统一 is CD B3 D2 BB in GB18030: two well-formed UTF-8 sequences. 社 (C9 E7) is not.
        let bytes = Array("id,name\n1,".utf8) + FixtureBytes.gb18030("统一社会") + [0x0A]
        #expect(Array(bytes[10..<14]) == [0xCD, 0xB3, 0xD2, 0xBB])
        let result = try stream(bytes, chunkSize: chunk)
        #expect(result.summary.encoding == .gb18030)
        #expect(result.rows.last?.cells == ["1", "统一社会"])
    }

    @Test func stopsWhenAskedTo() throws {
        let folder = try FixtureFolder("stream")
        let path = try folder.write("file.csv", text: text)
        var seen = 0
        _ = try CSVFileStream(path: path).read { _ in
            seen += 1
            return false
        }
        #expect(seen == 1)
    }

    @Test func missingFileIsUnreadable() throws {
        let folder = try FixtureFolder("stream")
        let error = #expect(throws: IngestError.self) {
            try CSVFileStream(path: folder.path("absent.csv")).read { _ in true }
        }
        guard case .unreadable(let message)? = error?.reason else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(message.contains("No such file"))
    }

    @Test("the same records whatever the chunk size", arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 64])
    func chunkSizes(_ chunk: Int) throws {
        for encoding in FixtureEncoding.allCases {
            for lineEnding in LineEnding.allCases {
                let bytes = FixtureBytes.encode(text, encoding: encoding, lineEnding: lineEnding)
                let reference = try stream(bytes)
                let chunked = try stream(bytes, chunkSize: chunk)
                #expect(chunked.rows == expected, "\(encoding) \(lineEnding)")
                #expect(chunked.summary.encoding == reference.summary.encoding, "\(encoding) \(lineEnding)")
                #expect(chunked.summary.hadByteOrderMark == reference.summary.hadByteOrderMark, "\(encoding) \(lineEnding)")
                #expect(chunked.summary.bytesRead == bytes.count)
            }
        }
    }
}
