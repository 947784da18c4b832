import StatGuardCore

/// Pass-through columns: names for those with an empty or repeated header, and
/// the empty columns a spreadsheet leaves after the last one (`…,park,,`).
///
/// The store keys pass-through columns by name, so each gets a unique one: its
/// header, `column_19` (by 1-based position) when the header is empty, or
/// `备注 (2)` when it repeats an earlier one; renamed columns make one notice.
/// A column with an empty header and no value in any loaded row is dropped
/// without a notice, and a row may lack the empty-header columns after the last
/// named one, or carry extra empty cells after the header's last: neither is S09.
extension RowLoader {
    /// Names the pass-through columns of `header`, noting the unknown and renamed ones.
    mutating func passThrough(header: [String]) -> [(header: String, values: TextColumn)] {
        passThroughColumns = fieldOfColumn.indices.filter { fieldOfColumn[$0] < 0 }
        namedWidth = (header.lastIndex { !isBlankHeader($0) } ?? -1) + 1
        var used = Set<String>()
        var unknown: [String] = []
        var columns: [(header: String, values: TextColumn)] = []
        for (index, column) in passThroughColumns.enumerated() {
            let blank = isBlankHeader(header[column])
            var name = blank ? "column_\(column + 1)" : header[column]
            if used.contains(name) {
                let base = name
                var copy = 2
                while used.contains("\(base) (\(copy))") { copy += 1 }
                name = "\(base) (\(copy))"
            }
            used.insert(name)
            if blank {
                blankPassThrough.append((index, false))
            }
            if blank || name != header[column] {
                renamedPassThrough.append(index)
            } else {
                unknown.append(name)
            }
            columns.append((name, TextColumn()))
        }
        if !unknown.isEmpty { notices.append(.unknownColumns(unknown)) }
        return columns
    }

    /// Whether a row whose cell count differs from the header's lacks only empty-header
    /// columns after the last named one, or has only empty cells past the header's last.
    func differsOnlyInBlankColumns(_ row: RawRow) -> Bool {
        guard row.count >= namedWidth else { return false }
        for column in fieldOfColumn.count..<max(row.count, fieldOfColumn.count) where !isBlankCell(row.field(column)) {
            return false
        }
        return true
    }

    /// Notes which empty-header columns have a value in a loaded row.
    mutating func noteBlankColumnValues(_ row: RawRow) {
        for i in blankPassThrough.indices where !blankPassThrough[i].filled {
            let column = passThroughColumns[blankPassThrough[i].index]
            if column < row.count && !isBlankCell(row.field(column)) { blankPassThrough[i].filled = true }
        }
    }

    /// At the end of the file: drops the empty-header columns that stayed empty, and notes the renamed ones.
    mutating func finishColumns() {
        let dropped = Set(blankPassThrough.filter { !$0.filled }.map(\.index))
        let renamed = renamedPassThrough.filter { !dropped.contains($0) }
        if !renamed.isEmpty, let table {
            notices.append(.renamedColumns(renamed.map { table.passThrough[$0].header }))
        }
        if !dropped.isEmpty, var filled = table.take() {
            filled.passThrough = filled.passThrough.indices.filter { !dropped.contains($0) }.map { filled.passThrough[$0] }
            table = filled
        }
    }
}

/// Whether a header cell is empty but for spaces (ASCII, full-width) or a byte-order mark.
private func isBlankHeader(_ cell: String) -> Bool {
    cell.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{FEFF}" }
}
