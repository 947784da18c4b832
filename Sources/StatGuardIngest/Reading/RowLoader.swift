import StatGuardCore

/// The per-file state of a read: header mapping, scratch values of the row
/// being typed, the table being filled, and the quarantine.
///
/// A row's values are typed into scratch slots first and appended to the
/// columns only when every rule passed, so a quarantined row leaves no trace
/// in the table.
struct RowLoader {
    let file: String
    private(set) var kind: FileKind?
    let period: Period?
    let options: ReadOptions

    var table: ColumnTable?
    /// Loaded rows (counted also when ``ReadOptions/retainsRows`` is off and the table stays empty).
    private(set) var rowsLoaded = 0
    /// Rows expected, from the file size, to reserve column capacity up front; estimated again from
    /// the bytes of the first ``sampleRows`` rows, so the columns and the duplicate-row keys are not
    /// copied over again halfway through a file whose rows are shorter than guessed.
    private(set) var expectedRows: Int
    /// The file's size in bytes (0: unknown).
    private let fileBytes: Int
    private var sampledBytes = 0
    /// Bytes of each text field in the sampled rows, to reserve its column's bytes.
    private var sampledTextBytes: [Int] = []
    /// Rows read before the row count is estimated again.
    static let sampleRows = 1024
    /// The share reserved beyond the estimated rows. The sample counts decoded bytes, which a GB18030
    /// file's Chinese text outgrows (two bytes in the file, three decoded): a tenth to spare fell 1% short
    /// on a national register, whose every column was then copied into one twice its size. Room reserved
    /// and never written costs no memory in a mapped block.
    static let spareRows = 1.25
    /// The most rows ever reserved for.
    static let maximumReservedRows = 20_000_000
    private(set) var quarantined: [QuarantinedRow] = []
    var notices: [FileNotice] = []
    private(set) var rowsRead = 0
    private(set) var error: IngestError?
    private(set) var paddedCount = 0
    private(set) var firstPaddedLine = 0
    private(set) var blankCount = 0
    private(set) var firstBlankLine = 0

    var fields: [FieldSpec] = []
    /// Each field's type, read on the hot path instead of the whole spec.
    var fieldTypes: [FieldType] = []
    /// For each column, the field it fills, or -1 for pass-through.
    var fieldOfColumn: [Int] = []
    var passThroughColumns: [Int] = []
    /// The header's cells, to name columns in reasons.
    var header: [String] = []
    /// Columns up to the last with a header: a row may lack the empty-header columns after them.
    var namedWidth = 0
    /// Pass-through columns (indices into ``passThroughColumns``) with an empty header, and
    /// whether a loaded row had a value in each: those that never do are dropped.
    var blankPassThrough: [(index: Int, filled: Bool)] = []
    /// Pass-through columns (indices into ``passThroughColumns``) named anew because their header was empty or repeated.
    var renamedPassThrough: [Int] = []
    /// Optional fields the file has no column for.
    var absentFields: [Int] = []
    var periodField = -1

    // Scratch for the row being typed, indexed by field.
    var scratchNumbers: [Double] = []
    var scratchPeriods: [Period?] = []
    var scratchCodes: [UInt8] = []
    var scratchCredit = CreditCode(high: 0, low: 0)
    var scratchRegion = RegionCode(value: 0)
    var scratchIndustry = IndustryCode(value: 0)
    var rowPadded = false
    var failures: [(rule: StructureRule, reason: String)] = []
    private var seenKeys: Set<DuplicateKey> = []

    init(file: String, kind: FileKind?, period: Period?, options: ReadOptions, expectedRows: Int, fileBytes: Int = 0) {
        self.file = file
        self.expectedRows = expectedRows
        self.fileBytes = fileBytes
        self.kind = kind
        self.period = period
        self.options = options
    }

    /// Takes one record; returns false to stop reading (a whole-file error).
    mutating func accept(_ row: RawRow) -> Bool {
        guard table != nil else { return acceptHeader(row) }
        if let problem = row.problem {
            rowsRead += 1
            quarantined.append(QuarantinedRow(
                sourceFile: file, line: row.line, rule: .S11, reason: "S11 " + problem.reason(header: header), cells: row.strings))
            return true
        }
        if row.isBlank {
            if blankCount == 0 { firstBlankLine = row.line }
            blankCount += 1
            return true
        }
        rowsRead += 1
        if rowsRead <= Self.sampleRows { sample(row) }
        failures.removeAll(keepingCapacity: true)
        rowPadded = false
        if row.count != fieldOfColumn.count && !differsOnlyInBlankColumns(row) {
            failures.append((.S09, "the row has \(row.count) cells, the header has \(fieldOfColumn.count)"))
        } else {
            for column in 0..<namedWidth where fieldOfColumn[column] >= 0 {
                typeCell(row.field(column), field: fieldOfColumn[column])
            }
            if failures.isEmpty, let key = duplicateKey(row), !seenKeys.insert(key).inserted {
                failures.append((.S08, "a row for \(key.description) was already loaded from this file"))
            }
        }
        if failures.isEmpty { commit(row) } else { quarantine(row) }
        return true
    }

    /// Counts a row's bytes (its cells, a separator or line end each); after ``sampleRows`` rows, reserves
    /// for the rows a file of ``fileBytes`` holds at that rate, with ``spareRows`` to spare.
    private mutating func sample(_ row: RawRow) {
        sampledBytes += row.bytes.count + row.count
        for column in 0..<min(row.count, fieldOfColumn.count) where fieldOfColumn[column] >= 0 && fieldTypes[fieldOfColumn[column]] == .text {
            sampledTextBytes[fieldOfColumn[column]] += row.field(column).count
        }
        guard rowsRead == Self.sampleRows, fileBytes > 0, sampledBytes > 0 else { return }
        let estimate = min(Double(fileBytes) / Double(sampledBytes) * Double(Self.sampleRows) * Self.spareRows, Double(Self.maximumReservedRows))
        guard Int(estimate) > expectedRows else { return }
        expectedRows = Int(estimate)
        // Each text column at its sampled bytes per row (a name is 30-odd bytes of Chinese), so it is not copied over as it grows.
        let textBytes = sampledTextBytes.map { Int(Double($0) / Double(Self.sampleRows) * estimate) }
        if options.retainsRows { table?.reserveCapacity(expectedRows, textBytes: textBytes) }
        seenKeys.reserveCapacity(expectedRows)
    }

    private mutating func acceptHeader(_ row: RawRow) -> Bool {
        if let problem = row.problem {
            error = IngestError(file: file, reason: problem.headerError(line: row.line))
            return false
        }
        if row.isBlank { return true }
        let header = row.strings
        if header.count == 1 {
            error = IngestError(file: file, reason: .notCSV(
                "the header line has a single column ('\(header[0].prefix(40))'); are the columns separated by tabs or semicolons instead of commas?"))
            return false
        }
        if kind == nil { kind = Self.inferKind(header: header, aliases: options.aliases) }
        guard let kind else {
            error = IngestError(file: file, reason: .unknownKind(header: header))
            return false
        }
        self.header = header
        fields = kind.fields
        fieldTypes = fields.map(\.type)
        let match = HeaderMatcher(fields: fields, aliases: options.aliases).match(header)
        if let duplicate = match.duplicate {
            error = IngestError(file: file, reason: .duplicateColumn(field: duplicate.field.name, headers: duplicate.headers))
            return false
        }
        if !match.missingRequired.isEmpty {
            let names = match.missingRequired.map { "\($0.header) (\($0.name))" }
            error = IngestError(file: file, reason: .missingColumns(names, seenHeader: header))
            return false
        }
        fieldOfColumn = match.fieldOfColumn.map { $0 ?? -1 }
        absentFields = fields.indices.filter { !fieldOfColumn.contains($0) }
        periodField = kind.hasPeriod ? fields.firstIndex { $0.name == "period" } ?? -1 : -1
        var table = ColumnTable(kind: kind)
        table.passThrough = passThrough(header: header)
        if options.retainsRows { table.reserveCapacity(expectedRows) }
        seenKeys.reserveCapacity(expectedRows)
        self.table = table
        sampledTextBytes = Array(repeating: 0, count: fields.count)
        scratchNumbers = Array(repeating: .nan, count: fields.count)
        scratchPeriods = Array(repeating: nil, count: fields.count)
        scratchCodes = Array(repeating: 0, count: fields.count)
        return true
    }

    /// The kind whose fields the header matches best, if one clearly does.
    static func inferKind(header: [String], aliases: [String: String]) -> FileKind? {
        let scored = FileKind.allCases.map { kind -> (FileKind, Int, Bool) in
            let matcher = HeaderMatcher(fields: kind.fields, aliases: aliases)
            return (kind, matcher.matchCount(header), matcher.match(header).missingRequired.isEmpty)
        }
        let complete = scored.filter(\.2).sorted { $0.1 > $1.1 }
        guard let best = complete.first, complete.dropFirst().first?.1 != best.1 else { return nil }
        return best.0
    }

    private mutating func commit(_ row: RawRow) {
        rowsLoaded += 1
        if !blankPassThrough.isEmpty { noteBlankColumnValues(row) }
        if options.retainsRows {
            var filled = table.take()!  // moved out, so appending neither copies it nor overlaps `self`
            filled.append(row: row, loader: self)
            table = filled
        }
        if rowPadded {
            if paddedCount == 0 { firstPaddedLine = row.line }
            paddedCount += 1
        }
    }

    private mutating func quarantine(_ row: RawRow) {
        quarantined.append(QuarantinedRow(
            sourceFile: file, line: row.line, rule: failures[0].rule,
            reason: failures.map { "\($0.rule.rawValue) \($0.reason)" }.joined(separator: "; "),
            cells: row.strings))
    }

    private func duplicateKey(_ row: RawRow) -> DuplicateKey? {
        guard let kind else { return nil }
        let periodIndex = periodField >= 0 ? scratchPeriods[periodField]?.monthIndex ?? -1 : -1
        switch kind {
        case .reports, .admin, .register:
            return DuplicateKey(code: scratchCredit, period: periodIndex, product: nil)
        case .products, .capacity:
            let productField = fields.firstIndex { $0.name == "product_code" }!
            let column = fieldOfColumn.firstIndex(of: productField)!
            return DuplicateKey(code: scratchCredit, period: periodIndex, product: row.string(column))
        }
    }
}

/// What makes two rows of one file the same report: enterprise, period, product.
struct DuplicateKey: Hashable {
    var code: CreditCode
    var period: Int32
    var product: String?

    /// One mixed word for the code and period (and the product when there is one): cheaper than hashing each part.
    func hash(into hasher: inout Hasher) {
        hasher.combine(code.high &* 0x9E37_79B9_7F4A_7C15 ^ code.low ^ UInt64(UInt32(bitPattern: period)) << 40)
        if let product { hasher.combine(product) }
    }

    var description: String {
        var text = "enterprise \(code)"
        if period >= 0 { text += " and period \(Period(monthIndex: period))" }
        if let product { text += " and product '\(product)'" }
        return text
    }
}
