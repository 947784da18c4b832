import StatGuardCore
import StatGuardIngest
import Testing

/// Text columns stored end to end.
@Suite struct TextColumnTests {
    @Test func valuesReadBack() {
        let values = ["北京焦化", "", "a,b", "𠮷", ""]
        let column = TextColumn(values)
        #expect(column.count == 5)
        #expect((0..<5).map { column[$0] } == values)
        #expect((0..<5).map { column.isEmpty(at: $0) } == [false, true, false, false, true])
        #expect(column.withUTF8(3) { Array($0) } == Array("𠮷".utf8))
        #expect(column.bytes.count == values.map(\.utf8.count).reduce(0, +))
    }

    @Test func appendingBytesAndStringsIsTheSame() {
        var fromBytes = TextColumn()
        var fromStrings = TextColumn()
        for value in ["甲", "乙丙", ""] {
            Array(value.utf8).withUnsafeBufferPointer { fromBytes.append($0) }
            fromStrings.append(value)
        }
        #expect(fromBytes == fromStrings)
    }
}

/// Typed access to a loaded table.
@Suite struct ColumnTableTests {
    @Test func emptyTableHasAColumnSlotPerField() {
        let table = ColumnTable(kind: .reports)
        #expect(table.count == 0)
        #expect(table.numbers.count == FileKind.reports.fields.count)
        #expect(table.texts.count == FileKind.reports.fields.count)
        #expect(table[ReportField.grossOutput].isEmpty)
    }
}
