import StatGuardCore
@testable import StatGuardStore
import StatGuardTestSupport
import Testing

/// Rebuilding a register from its stored changes merges code-ordered lists; it gives what
/// replaying the changes one by one gives, whatever order or duplicates a change holds.
@Suite("Register rebuild merge")
struct RegisterMergeTests {
    static let codes = TestCodes.realValid.compactMap { try? CreditCode.parse($0).get() }.sorted()

    static func change(_ codes: [CreditCode]) -> ColumnTable {
        var table = ColumnTable(kind: .register)
        table.creditCodes = codes
        table.count = codes.count
        return table
    }

    @Test("removed codes leave, new codes come in, a changed code takes its new row; the last of duplicates wins")
    func merges() throws {
        let c = Self.codes
        try #require(c.count >= 4)
        let first = Store.applying(Self.change([c[0], c[1], c[2]]), delta: 0, removing: [], to: [])
        #expect(first.map(\.code) == [c[0], c[1], c[2]] && first.map(\.delta) == [0, 0, 0])
        // Out of code order, with c[3] twice: its second row (2) is the one kept.
        let second = Store.applying(Self.change([c[3], c[1], c[3]]), delta: 1, removing: [c[0]], to: first)
        #expect(second.map(\.code) == [c[1], c[2], c[3]])
        #expect(second.map(\.delta) == [1, 0, 1] && second.map(\.row) == [1, 2, 2])
        // Removed and changed in the same change: the new row stands.
        let third = Store.applying(Self.change([c[2]]), delta: 2, removing: [c[2], c[1]], to: second)
        #expect(third.map(\.code) == [c[2], c[3]] && third.map(\.delta) == [2, 1])
    }

    /// Against the register before: a moved enterprise and a newcomer are changed (both rows of
    /// the moved one, which comes twice), in code order whatever the rows' order; the one that
    /// left is removed; the rest are not stored again.
    @Test("a register's diff: new and changed rows, duplicates included, in code order; the codes that left")
    func diff() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let before = try fixture.register(StoreRegisterTests.all, name: "r1.csv").table
        let march = try fixture.register(StoreRegisterTests.march, overrides: StoreRegisterTests.moved, name: "r2.csv").table
        func code(_ number: Int) throws -> CreditCode {
            try CreditCode.parse((StoreRegisterTests.all + [StoreRegisterTests.newcomer]).first { $0.number == number }!.code).get()
        }
        let moved = try #require(march.rowIndex()[try code(2)])
        let after = march.selecting(Array((0..<march.count).reversed()) + [moved])

        let diff = RegisterDiff(after, since: before)
        let expected = try [code(2), code(2), code(6)].sorted()
        #expect(diff.changed.map { after.creditCodes[$0] } == expected)
        // The moved enterprise's two rows, in row order: its place in the reversed register, then the copy at the end.
        let two = try code(2)
        #expect(diff.changed.filter { after.creditCodes[$0] == two } == [march.count - 1 - moved, after.count - 1])
        #expect(diff.removed == [try code(4)])

        let same = RegisterDiff(after, since: after)
        #expect(same.changed.isEmpty && same.removed.isEmpty)
        let all = RegisterDiff(allOf: after)
        #expect(all.changed.map { after.creditCodes[$0] } == after.creditCodes.sorted())

        // A column the register before does not hold (a store written without it) cannot show
        // a row unchanged: every row is stored again, and nothing traps.
        var partial = after
        partial.texts[RegisterField.park.rawValue] = TextColumn()
        #expect(RegisterDiff(after, since: partial).changed.count == after.count)
        #expect(RegisterDiff(partial, since: partial).changed.isEmpty)
    }
}
