@testable import StatGuardIngest
import StatGuardCore
import StatGuardTestSupport
import Testing

/// Writes `text` as the fixture file `name` and reads it with ``ContractFileReader``,
/// checking the invariants every read must keep (see ``expectInvariants(_:sourceLocation:)``).
func readFixture(
    _ text: String, name: String = "reports_202403.csv", encoding: FixtureEncoding = .utf8,
    lineEnding: LineEnding = .lf, kind: FileKind? = nil, options: ReadOptions = ReadOptions(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> FileReadResult {
    let folder = try FixtureFolder("ingest")
    let path = try folder.write(name, text: text, encoding: encoding, lineEnding: lineEnding)
    return try readChecked(path, kind: kind, options: options, sourceLocation: sourceLocation)
}

/// Writes `bytes` as the fixture file `name` and reads it (see ``readFixture(_:name:encoding:lineEnding:kind:options:sourceLocation:)``).
func readFixture(
    bytes: [UInt8], name: String = "reports_202403.csv", kind: FileKind? = nil, options: ReadOptions = ReadOptions(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> FileReadResult {
    let folder = try FixtureFolder("ingest")
    let path = try folder.write(name, bytes: bytes)
    return try readChecked(path, kind: kind, options: options, sourceLocation: sourceLocation)
}

/// Reads `path` and checks the read's invariants.
func readChecked(
    _ path: String, kind: FileKind? = nil, options: ReadOptions = ReadOptions(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> FileReadResult {
    let result = try ContractFileReader(kind: kind, options: options).read(path: path)
    expectInvariants(result, sourceLocation: sourceLocation)
    return result
}

/// The whole-file error reading `bytes` as `name` throws, or nil (recording an issue) when it reads.
func ingestError(
    bytes: [UInt8], name: String = "reports_202403.csv", kind: FileKind? = nil, options: ReadOptions = ReadOptions(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> IngestError? {
    let folder = try FixtureFolder("ingest")
    let path = try folder.write(name, bytes: bytes)
    let error = #expect(throws: IngestError.self, sourceLocation: sourceLocation) {
        try ContractFileReader(kind: kind, options: options).read(path: path)
    }
    if let error { #expect(error.file == path, sourceLocation: sourceLocation) }
    return error
}

/// The whole-file error reading `text` throws (see ``ingestError(bytes:name:kind:options:sourceLocation:)``).
func ingestError(
    _ text: String, name: String = "reports_202403.csv", encoding: FixtureEncoding = .utf8, kind: FileKind? = nil,
    options: ReadOptions = ReadOptions(), sourceLocation: SourceLocation = #_sourceLocation
) throws -> IngestError? {
    try ingestError(
        bytes: FixtureBytes.encode(text, encoding: encoding), name: name, kind: kind, options: options,
        sourceLocation: sourceLocation)
}

/// Checks what must hold after every read: rows read = loaded + quarantined; every
/// column of the table has one entry per loaded row; no physical line holds two rows.
func expectInvariants(_ result: FileReadResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.rowsRead == result.rowsLoaded + result.quarantined.count,
            "rows read \(result.rowsRead) ≠ loaded \(result.rowsLoaded) + quarantined \(result.quarantined.count)",
            sourceLocation: sourceLocation)
    let table = result.table
    var lengths: [String: Int] = [
        "lines": table.lines.count, "credit codes": table.creditCodes.count,
    ]
    for (index, field) in result.kind.fields.enumerated() {
        switch field.type {
        case .text: lengths[field.name] = table.texts[index].count
        case .decimal, .count: lengths[field.name] = table.numbers[index].count
        case .period: lengths[field.name] = table.periods[index].count
        case .code: lengths[field.name] = table.codes[index].count
        case .regionCode: lengths[field.name] = table.regionCodes.count
        case .industryCode: lengths[field.name] = table.industryCodes.count
        case .creditCode: break
        }
    }
    for column in table.passThrough { lengths["pass-through '\(column.header)'"] = column.values.count }
    for (name, length) in lengths where length != table.count {
        Issue.record("column \(name) has \(length) entries for \(table.count) rows", sourceLocation: sourceLocation)
    }
    let lines = table.lines.map(Int.init) + result.quarantined.map(\.line)
    #expect(Set(lines).count == lines.count, "two rows on one line", sourceLocation: sourceLocation)
    #expect(table.lines == table.lines.sorted(), sourceLocation: sourceLocation)
    #expect(result.quarantined.map(\.line) == result.quarantined.map(\.line).sorted(), sourceLocation: sourceLocation)
}

/// Everything a read produced, in a comparable form (NaN compared by bit pattern).
struct ReadSnapshot: Equatable, CustomStringConvertible {
    var kind: FileKind
    var rowsRead: Int
    var lines: [Int32]
    var creditCodes: [CreditCode]
    var regionCodes: [RegionCode]
    var industryCodes: [IndustryCode]
    var numbers: [[UInt64]]
    var texts: [TextColumn]
    var periods: [[Period?]]
    var codes: [[UInt8]]
    var passThroughHeaders: [String]
    var passThroughValues: [TextColumn]
    var quarantined: [QuarantinedRow]
    var notices: [FileNotice]
    var encoding: TextEncoding
    var hadByteOrderMark: Bool
    var period: Period?

    init(_ result: FileReadResult) {
        kind = result.kind
        rowsRead = result.rowsRead
        lines = result.table.lines
        creditCodes = result.table.creditCodes
        regionCodes = result.table.regionCodes
        industryCodes = result.table.industryCodes
        numbers = result.table.numbers.map { $0.map(\.bitPattern) }
        texts = result.table.texts
        periods = result.table.periods
        codes = result.table.codes
        passThroughHeaders = result.table.passThrough.map(\.header)
        passThroughValues = result.table.passThrough.map(\.values)
        quarantined = result.quarantined
        notices = result.notices
        encoding = result.stream.encoding
        hadByteOrderMark = result.stream.hadByteOrderMark
        period = result.period
    }

    var description: String {
        "\(kind) read \(rowsRead) lines \(lines) quarantined \(quarantined.map { "\($0.line) \($0.rule)" }) notices \(notices) \(encoding) BOM \(hadByteOrderMark)"
    }
}

extension ColumnTable {
    /// The text values of a field as strings.
    func strings<F: ContractField>(_ field: F) -> [String] {
        let column = self[text: field]
        return (0..<column.count).map { column[$0] }
    }
}
