import StatGuardCore

extension RowLoader {
    /// Types one cell into its scratch slot, recording any rule it fails.
    mutating func typeCell(_ cell: UnsafeBufferPointer<UInt8>, field: Int) {
        if isBlankCell(cell) {
            let spec = fields[field]
            if spec.required { failures.append((.S01, "'\(spec.header)' (\(spec.name)) is blank")) }
            scratchNumbers[field] = .nan
            scratchPeriods[field] = nil
            return
        }
        var spec: FieldSpec { fields[field] }  // only read to word a failure
        switch fieldTypes[field] {
        case .text:
            break
        case .creditCode:
            switch CreditCode.parse(utf8: cell) {
            case .success(let code):
                scratchCredit = code
            case .failure(let problem):
                if case .success(let code) = CreditCode.parse(utf8: cell, allowCheckFailure: true),
                   options.creditCodeAllowList.contains(code) {
                    scratchCredit = code
                } else {
                    failures.append((.S02, "'\(spec.header)' (\(spec.name)) '\(text(cell))' \(creditCodeExplanation(problem, cell))"))
                }
            }
        case .regionCode:
            if let code = RegionCode(utf8: cell) {
                scratchRegion = code
            } else {
                failures.append((.S04, "'\(spec.header)' (\(spec.name)) '\(text(cell))' is not 12 digits"))
            }
        case .industryCode:
            typeIndustryCode(cell, field: field)
        case .period:
            guard cell.count <= Self.periodDigits || digitCount(cell) <= Self.periodDigits, let value = Period(utf8: cell) else {
                failures.append((.S05, "'\(spec.header)' (\(spec.name)) '\(text(cell))' is not a period such as 2024-03"))
                return
            }
            scratchPeriods[field] = value
            if field == periodField, let period, value != period {
                failures.append((.S07, "'\(spec.header)' (\(spec.name)) is \(value), the load's period is \(period)"))
            }
        case .decimal(let allowsNegative):
            typeNumber(cell, field: field, allowsNegative: allowsNegative, whole: false)
        case .count:
            typeNumber(cell, field: field, allowsNegative: false, whole: true)
        case .code(let allowed):
            let trimmed = trimmedASCII(cell)
            if trimmed.count == 1, trimmed[0] >= 0x30, allowed.contains(trimmed[0] - 0x30) {
                scratchCodes[field] = trimmed[0] - 0x30
            } else {
                failures.append((.S05, "'\(spec.header)' (\(spec.name)) '\(text(cell))' is not one of \(allowed.map(String.init).joined(separator: ", "))"))
            }
        }
    }

    private mutating func typeNumber(_ cell: UnsafeBufferPointer<UInt8>, field: Int, allowsNegative: Bool, whole: Bool) {
        var spec: FieldSpec { fields[field] }
        switch parseNumber(cell) {
        case .missing:
            if spec.required { failures.append((.S01, "'\(spec.header)' (\(spec.name)) is '\(text(cell))', a placeholder for no figure")) }
            scratchNumbers[field] = .nan
        case .invalid:
            failures.append((.S05, "'\(spec.header)' (\(spec.name)) '\(text(cell))' is not a number"))
        case .outOfRange:
            failures.append((.S10, "'\(spec.header)' (\(spec.name)) '\(text(cell))' is too large to be any figure"))
            scratchNumbers[field] = .nan
        case .value(let value):
            if value < 0 && !allowsNegative {
                failures.append((.S06, "'\(spec.header)' (\(spec.name)) is \(text(cell)), it cannot be negative"))
            } else if whole && !Self.isWhole(value) {
                failures.append((.S05, "'\(spec.header)' (\(spec.name)) '\(text(cell))' is not a whole number"))
            }
            if PlausibleMagnitude.isImplausible(value, whole: whole) {
                let limit = whole ? "10,000,000" : "1e12 in the field's unit"
                failures.append((.S10, "'\(spec.header)' (\(spec.name)) is \(text(cell)), beyond any enterprise's figure (more than \(limit))"))
            }
            scratchNumbers[field] = value
        }
    }

    private mutating func typeIndustryCode(_ cell: UnsafeBufferPointer<UInt8>, field: Int) {
        var spec: FieldSpec { fields[field] }
        let digits = trimmedASCII(cell)
        var value = 0
        var allDigits = !digits.isEmpty && digits.count <= 4  // more would not be a class, and could overflow
        for b in digits where allDigits {
            let d = b &- 0x30
            if d >= 10 { allDigits = false; break }
            value = value * 10 + Int(d)
        }
        // Only reports and the register must be industrial classes; admin data covers every trade.
        let industrialOnly = kind != .admin
        guard allDigits, digits.count == 4 || digits.count == 3 else {
            failures.append((.S03, "'\(spec.header)' (\(spec.name)) '\(text(cell))' is not a 4-digit GB/T 4754 class"))
            return
        }
        if industrialOnly && !options.catalog.containsClass(value) {
            let reason = value / 100 >= 6 && value / 100 <= 46
                ? "is not a class of GB/T 4754-2017"
                : "is outside industry (sections B, C, D: divisions 06-46)"
            failures.append((.S03, "'\(spec.header)' (\(spec.name)) '\(text(cell))' \(reason)"))
            return
        }
        rowPadded = digits.count == 3
        scratchIndustry = IndustryCode(value: UInt16(value))
    }

    /// The most digits any period spelling has (`2024-03-01`); a cell with more is not a period,
    /// and ``Period/init(utf8:)`` is not given it (its digit groups would overflow).
    static let periodDigits = 8

    /// Whether a finite `value` is a whole number, without a call into the C library: every double of
    /// magnitude 2^52 or more is whole, and below that the conversion to `Int64` cannot trap.
    @inline(__always)
    static func isWhole(_ value: Double) -> Bool {
        abs(value) >= 0x1p52 || Double(Int64(value)) == value
    }

    func text(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: cell, as: UTF8.self)
    }
}

/// The ASCII and full-width (`０`-`９`) digits in a cell.
func digitCount(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for (i, b) in cell.enumerated() where (b >= 0x30 && b <= 0x39) || (b >= 0x90 && b <= 0x99 && i >= 2 && cell[i - 2] == 0xEF && cell[i - 1] == 0xBC) {
        count += 1
    }
    return count
}

/// Whether a cell holds nothing but spaces.
func isBlankCell(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    for b in cell where b != 0x20 && b != 0x09 { return false }
    return true
}

/// The cell without surrounding ASCII spaces.
func trimmedASCII(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = cell.count
    while start < end && (cell[start] == 0x20 || cell[start] == 0x09) { start += 1 }
    while end > start && (cell[end - 1] == 0x20 || cell[end - 1] == 0x09) { end -= 1 }
    return UnsafeBufferPointer(rebasing: cell[start..<end])
}
