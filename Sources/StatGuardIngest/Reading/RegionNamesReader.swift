import StatGuardCore

/// Reads `regions.csv` (区划代码, 名称; contract 2.6) in any encoding the contract allows.
///
/// Rows with a code that is not 6, 9 or 12 digits (S04), without a name (S01), or
/// repeating a code (S08) are quarantined with their line; the others give the names.
public struct RegionNamesReader: Sendable {
    public var pinnedEncoding: TextEncoding?

    public init(pinnedEncoding: TextEncoding? = nil) {
        self.pinnedEncoding = pinnedEncoding
    }

    /// What reading the file gave: the names and the rows that could not be used.
    public struct Result: Sendable {
        public var names: RegionNames
        public var quarantined: [QuarantinedRow]
        public var rowsRead: Int
    }

    static let codeHeaders: Set<String> = ["区划代码", "regioncode", "行政区划代码", "统计用区划代码", "code"]
    static let nameHeaders: Set<String> = ["名称", "name", "区划名称", "单位名称"]

    public func read(path: String) throws(IngestError) -> Result {
        var names: [String: String] = [:]
        var quarantined: [QuarantinedRow] = []
        var rowsRead = 0
        var columns: (code: Int, name: Int)?
        var headerProblem: String?
        _ = try CSVFileStream(path: path, pinnedEncoding: pinnedEncoding).read { row in
            guard let (codeColumn, nameColumn) = columns else {
                let header = row.strings.map(HeaderMatcher.normalize)
                guard let code = header.firstIndex(where: Self.codeHeaders.contains),
                      let name = header.firstIndex(where: Self.nameHeaders.contains)
                else {
                    headerProblem = "the header needs 区划代码 (region_code) and 名称 (name); it has \(row.strings.prefix(6).joined(separator: ", "))"
                    return false
                }
                columns = (code, name)
                return true
            }
            guard !row.isBlank else { return true }
            rowsRead += 1
            let cells = row.strings
            let code = codeColumn < cells.count ? cells[codeColumn].trimmingCharacters(in: .whitespaces) : ""
            let name = nameColumn < cells.count ? cells[nameColumn].trimmingCharacters(in: .whitespaces) : ""
            func quarantine(_ rule: StructureRule, _ reason: String) {
                quarantined.append(QuarantinedRow(sourceFile: path, line: row.line, rule: rule, reason: "\(rule.rawValue) \(reason)", cells: cells))
            }
            if row.problem != nil {
                quarantine(.S11, "the record is malformed")
            } else if ![6, 9, 12].contains(code.count) || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                quarantine(.S04, "'区划代码' '\(code)' is not a 6, 9 or 12-digit region code")
            } else if name.isEmpty {
                quarantine(.S01, "'名称' (name) is blank")
            } else if names[code] != nil {
                quarantine(.S08, "a second row for region \(code)")
            } else {
                names[code] = name
            }
            return true
        }
        if let headerProblem { throw IngestError(file: path, reason: .notCSV(headerProblem)) }
        return Result(names: RegionNames(names), quarantined: quarantined, rowsRead: rowsRead)
    }
}
