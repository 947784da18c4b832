import StatGuardCore

extension Sheet {
    /// Each column's width in Excel character units: the given width, or the widest of
    /// its header (plus room for the filter button) and cells, 2 units per wide character, within 6...60.
    ///
    /// Cells are measured only in columns whose width is not given and has not reached the
    /// widest a fitted column gets: a long text column stops being measured at its first long cell.
    var columnWidths: [Double] {
        let fitted = columns.map { column in column.width.map { !$0.isFinite } ?? true }
        var widest = columns.map { DisplayWidth.columns($0.header) + (autofilter ? 4 : 2) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widest.count && fitted[index] && widest[index] < Self.widestFitted {
                widest[index] = max(widest[index], cell.displayColumns + 2)
            }
        }
        return zip(columns, widest).map { column, fitted in
            if let width = column.width, width.isFinite { return min(max(width, 0), 255) }
            return Double(min(max(fitted, Self.narrowestFitted), Self.widestFitted))
        }
    }

    /// The narrowest and widest a column fitted to its contents gets.
    static let narrowestFitted = 6, widestFitted = 60
}

extension Cell {
    /// About how many character columns the cell shows in.
    var displayColumns: Int {
        switch self {
        case .text(let text): return DisplayWidth.columns(text)
        case .number(let value, let format): return format.displayColumns(value)
        case .integer(let value): return NumberFormat.integer.displayColumns(Double(value))
        case .empty: return 0
        }
    }
}

extension NumberFormat {
    /// About how many characters `value` shows as under this format: sign, digits with
    /// separators when the code groups, the code's decimals, `%` (value × 100).
    func displayColumns(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        // The first section of the code, read from its bytes without making strings (every number cell of a sheet comes here).
        let utf8 = code.utf8
        let section = utf8[..<(utf8.firstIndex(of: UInt8(ascii: ";")) ?? utf8.endIndex)]
        let percent = section.contains(UInt8(ascii: "%"))
        var magnitude = abs(value) * (percent ? 100 : 1)
        var digits = 1
        while magnitude >= 10 && digits < 400 { magnitude /= 10; digits += 1 }
        var width = digits + (value < 0 ? 1 : 0) + (percent ? 1 : 0)
        if section.contains(UInt8(ascii: ",")) { width += (digits - 1) / 3 }
        if let point = section.firstIndex(of: UInt8(ascii: ".")) {
            width += 1 + section[point...].reduce(0) { $0 + ($1 == UInt8(ascii: "0") || $1 == UInt8(ascii: "#") ? 1 : 0) }
        }
        return width
    }
}
