import StatGuardCore
import StatGuardIngest
import StatGuardStore
import StatGuardTestSupport
import Testing

/// The register's history: each load stores what changed since the register
/// before it, and `register(asOf:)` rebuilds the register as it was loaded.
@Suite("Store register history")
struct StoreRegisterTests {
    static let all = AreaFixture.enterprises
    /// Enterprise 2 moved to another town and was renamed.
    static let moved: [Int: [String: String]] = [2: ["region_code": "510403100009", "name": "攀枝花炼铁（集团）有限公司"]]
    /// Enterprise 6 joined.
    static let newcomer = all[0].renumbered(6, name: "米易新材料有限公司")

    /// The register of 2024-03: enterprise 2 moved, 4 removed, 6 added.
    static var march: [AreaEnterprise] {
        all.filter { $0.number != 4 } + [newcomer]
    }

    /// Expects `table` to be the register of `enterprises` (`overrides` applied), in credit-code order.
    func expectRegister(
        _ table: ColumnTable?, _ enterprises: [AreaEnterprise], overrides: [Int: [String: String]] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let table else {
            Issue.record("no register", sourceLocation: sourceLocation)
            return
        }
        let expected = enterprises.sorted { $0.code < $1.code }
        #expect(table.creditCodes.map(\.description) == expected.map(\.code), sourceLocation: sourceLocation)
        guard table.count == expected.count else { return }
        for (row, enterprise) in expected.enumerated() {
            let fields = AreaFixture.registerFields(enterprise).merging(overrides[enterprise.number] ?? [:]) { $1 }
            #expect(table.regionCodes[row].description == fields["region_code"], sourceLocation: sourceLocation)
            #expect(table[text: RegisterField.name][row] == fields["name"], sourceLocation: sourceLocation)
            #expect(table.industryCodes[row].description == fields["industry_code"], sourceLocation: sourceLocation)
            #expect(table[text: RegisterField.park][row] == fields["park"], sourceLocation: sourceLocation)
        }
    }

    /// A store with 2024-02 loaded with the full register and 2024-03 with ``march``.
    func twoLoads(_ fixture: StoreFixture) throws -> Store {
        let store = try fixture.open()
        try store.replace(StoreFixture.load(
            periodOf("2024-02"), reports: try fixture.reports(periodOf("2024-02")), register: try fixture.register(Self.all, name: "r1.csv")))
        try store.replace(StoreFixture.load(
            periodOf("2024-03"), reports: try fixture.reports(periodOf("2024-03")),
            register: try fixture.register(Self.march, overrides: Self.moved, name: "r2.csv")))
        return store
    }

    @Test("a change between two loads: the old row for the old period, the new row for the new")
    func changeBetweenLoads() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try twoLoads(fixture)
        expectRegister(try store.register(asOf: periodOf("2024-02")), Self.all)
        expectRegister(try store.register(asOf: periodOf("2024-03")), Self.march, overrides: Self.moved)
    }

    @Test("a removed code disappears from the later register and stays in the earlier one")
    func removedCode() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try twoLoads(fixture)
        let removed = Self.all[3].code
        #expect(row(of: removed, in: try store.register(asOf: periodOf("2024-02"))) != nil)
        #expect(row(of: removed, in: try store.register(asOf: periodOf("2024-03"))) == nil)
        #expect(row(of: Self.newcomer.code, in: try store.register(asOf: periodOf("2024-02"))) == nil)
        #expect(row(of: Self.newcomer.code, in: try store.register(asOf: periodOf("2024-03"))) != nil)
    }

    @Test("between and after loads the latest earlier register holds; before the first there is none")
    func asOfOtherPeriods() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try twoLoads(fixture)
        #expect(try store.register(asOf: periodOf("2024-01")) == nil)
        expectRegister(try store.register(asOf: periodOf("2024-12")), Self.march, overrides: Self.moved)
    }

    @Test("a change of one field alone, a text, a code or a period, is a change: the later register holds it")
    func oneFieldChanges() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        try store.replace(StoreFixture.load(
            periodOf("2024-02"), reports: try fixture.reports(periodOf("2024-02")), register: try fixture.register(Self.all, name: "r1.csv")))
        let changes: [Int: [String: String]] = [1: ["park": "钒钛高新区"], 3: ["status": "2"], 5: ["exited": "2024-03"]]
        try store.replace(StoreFixture.load(
            periodOf("2024-03"), reports: try fixture.reports(periodOf("2024-03")),
            register: try fixture.register(Self.all, overrides: changes, name: "r2.csv")))
        let march = try #require(try store.register(asOf: periodOf("2024-03")))
        let rows = march.rowIndex()
        func row(_ number: Int) throws -> Int { try #require(rows[CreditCode.parse(Self.all[number - 1].code).get()]) }
        #expect(march[text: RegisterField.park][try row(1)] == "钒钛高新区")
        #expect(march[code: RegisterField.status][try row(3)] == 2)
        #expect(march[period: RegisterField.exited][try row(5)] == periodOf("2024-03"))
        expectRegister(try store.register(asOf: periodOf("2024-02")), Self.all)
    }

    @Test("an unchanged register stores no changed rows, and still rebuilds in full")
    func unchangedRegister() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let register = try fixture.register()
        for name in ["2024-02", "2024-03", "2024-04"] {
            try store.replace(StoreFixture.load(periodOf(name), reports: try fixture.reports(periodOf(name)), register: register))
        }
        expectRegister(try store.register(asOf: periodOf("2024-04")), Self.all)
    }

    @Test("reloading an earlier period with another register leaves the later period's register as it was loaded")
    func reloadEarlierPeriod() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try twoLoads(fixture)
        // 2024-02 again, now with a register that lacks enterprise 3 and has an extra enterprise 7.
        let seventh = Self.all[4].renumbered(7, name: "盐边化工有限公司")
        let corrected = Self.all.filter { $0.number != 3 } + [seventh]
        try store.replace(StoreFixture.load(
            periodOf("2024-02"), reports: try fixture.reports(periodOf("2024-02")), register: try fixture.register(corrected, name: "r1b.csv")))
        expectRegister(try store.register(asOf: periodOf("2024-02")), corrected)
        expectRegister(try store.register(asOf: periodOf("2024-03")), Self.march, overrides: Self.moved)
    }

    @Test("loading a period between two loaded ones leaves the later period's register as it was loaded")
    func backfillBetween() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let three = Array(Self.all.prefix(3))
        try store.replace(StoreFixture.load(periodOf("2024-02"), reports: try fixture.reports(periodOf("2024-02")), register: try fixture.register(three, name: "a.csv")))
        try store.replace(StoreFixture.load(periodOf("2024-05"), reports: try fixture.reports(periodOf("2024-05")), register: try fixture.register(three, name: "b.csv")))
        // 2024-03 loaded late, with a register holding two more enterprises that 2024-05's did not.
        try store.replace(StoreFixture.load(periodOf("2024-03"), reports: try fixture.reports(periodOf("2024-03")), register: try fixture.register(Self.all, name: "c.csv")))
        expectRegister(try store.register(asOf: periodOf("2024-02")), three)
        expectRegister(try store.register(asOf: periodOf("2024-03")), Self.all)
        expectRegister(try store.register(asOf: periodOf("2024-05")), three)
    }
}
