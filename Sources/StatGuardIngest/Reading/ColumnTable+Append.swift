import StatGuardCore

extension ColumnTable {
    /// Reserves room for `rows` rows in every column the kind fills; a text field's column for its
    /// bytes in `textBytes` (by field), else 16 a row.
    mutating func reserveCapacity(_ rows: Int, textBytes: [Int] = []) {
        lines.reserveCapacity(rows)
        creditCodes.reserveCapacity(rows)
        for (field, spec) in kind.fields.enumerated() {
            switch spec.type {
            case .regionCode: regionCodes.reserveCapacity(rows)
            case .industryCode: industryCodes.reserveCapacity(rows)
            case .decimal, .count: numbers[field].reserveCapacity(rows)
            case .period: periods[field].reserveCapacity(rows)
            case .code: codes[field].reserveCapacity(rows)
            case .text: texts[field].reserveCapacity(values: rows, bytes: field < textBytes.count ? textBytes[field] : rows * 16)
            case .creditCode: break
            }
        }
    }

    /// Appends a row whose cells the loader has typed and found valid.
    mutating func append(row: RawRow, loader: RowLoader) {
        count += 1
        lines.append(Int32(clamping: row.line))
        for (column, field) in loader.fieldOfColumn.enumerated() where field >= 0 {
            switch loader.fieldTypes[field] {
            case .text: texts[field].append(trimmedASCII(row.field(column)))
            case .creditCode: creditCodes.append(loader.scratchCredit)
            case .regionCode: regionCodes.append(loader.scratchRegion)
            case .industryCode: industryCodes.append(loader.scratchIndustry)
            case .period: periods[field].append(loader.scratchPeriods[field])
            case .decimal, .count: numbers[field].append(loader.scratchNumbers[field])
            case .code: codes[field].append(loader.scratchCodes[field])
            }
        }
        // Optional fields with no column still get a value per row, so every column has `count` entries.
        for field in loader.absentFields {
            switch loader.fieldTypes[field] {
            case .text: texts[field].append("")
            case .period: periods[field].append(nil)
            case .decimal, .count: numbers[field].append(.nan)
            case .code, .creditCode, .regionCode, .industryCode: break  // always required
            }
        }
        for (index, column) in loader.passThroughColumns.enumerated() {
            passThrough[index].values.append(column < row.count ? row.field(column) : UnsafeBufferPointer(start: nil, count: 0))
        }
    }
}
