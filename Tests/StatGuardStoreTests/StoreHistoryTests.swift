import StatGuardChecks
import StatGuardCore
import StatGuardIngest
import StatGuardStore
import StatGuardTestSupport
import Testing

/// The history a period's checks get: reports 1, 2 and 3 reporting periods back
/// and a year back, and admin data of the twelve months before.
@Suite("Store history")
struct StoreHistoryTests {
    /// Periods loaded for the history tests. 2024-01 is loaded too, as an area
    /// collecting January alone would; the 1-2月 calendar must step over it.
    static let loaded = ["2023-02", "2023-03", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"].map(periodOf)

    /// A store holding every period of ``loaded`` (each table's figures scaled by its position),
    /// and admin data for 2023-12 only.
    static func filledStore() throws -> (StoreFixture, Store) {
        let fixture = try StoreFixture()
        let store = try fixture.open()
        let register = try fixture.register()
        for (index, month) in loaded.enumerated() {
            let admin = month == periodOf("2023-12") ? try fixture.admin(month) : nil
            try store.replace(StoreFixture.load(month, reports: try fixture.reports(month, scale: index + 1), register: register, admin: admin))
        }
        return (fixture, store)
    }

    /// Expects `history` to hold, for each lag, the reports of the period given.
    func expectLags(_ history: PeriodHistory, _ expected: [Int: String?], sourceLocation: SourceLocation = #_sourceLocation) {
        for (lag, name) in expected {
            guard let name else {
                #expect(history.reports[lag] == nil, "lag \(lag) should be absent", sourceLocation: sourceLocation)
                continue
            }
            let expectedPeriod = periodOf(name)
            #expect(history.period(lag: lag) == expectedPeriod, "lag \(lag)", sourceLocation: sourceLocation)
            guard let table = history.reports[lag] else {
                Issue.record("lag \(lag) (\(name)) is missing", sourceLocation: sourceLocation)
                continue
            }
            #expect(table.count == AreaFixture.enterprises.count, sourceLocation: sourceLocation)
            #expect(table[period: ReportField.period].allSatisfy { $0 == expectedPeriod }, "lag \(lag) holds \(name)", sourceLocation: sourceLocation)
            // The figures are those loaded for that period: scale = position in `loaded` + 1.
            let scale = Self.loaded.firstIndex(of: expectedPeriod)! + 1
            let first = AreaFixture.enterprises[0]
            let expectedOutput = Double(AreaFixture.reportFields(first, period: expectedPeriod, scale: scale)["gross_output"]!)!
            #expect(table[ReportField.grossOutput][row(of: first.code, in: table)!] == expectedOutput, sourceLocation: sourceLocation)
        }
    }

    @Test("1-2月: the predecessor of 2024-02 is 2023-12, and a year back is 2023-02")
    func lagsOfJanuaryFebruary() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        let history = try store.history(for: periodOf("2024-02"), calendar: ReportingCalendar())
        expectLags(history, [1: "2023-12", 2: "2023-11", 3: "2023-10", 12: "2023-02"])
    }

    @Test("the period after 1-2月 looks back over it to last December")
    func lagsOfMarch() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        let history = try store.history(for: periodOf("2024-03"), calendar: ReportingCalendar())
        expectLags(history, [1: "2024-02", 2: "2023-12", 3: "2023-11", 12: "2023-03"])
    }

    @Test("with January reported alone, 2024-02's predecessor is 2024-01")
    func lagsWithSeparateJanuary() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        let history = try store.history(for: periodOf("2024-02"), calendar: ReportingCalendar(combinesJanuaryFebruary: false))
        expectLags(history, [1: "2024-01", 2: "2023-12", 3: "2023-11", 12: "2023-02"])
    }

    @Test("periods that were never loaded are absent, not empty")
    func missingLags() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        let history = try store.history(for: periodOf("2023-12"), calendar: ReportingCalendar())
        expectLags(history, [1: "2023-11", 2: "2023-10", 3: nil, 12: nil])
        // 2023-09 was not loaded, nor 2022-12.
        #expect(history.reports.keys.sorted() == [1, 2])
    }

    @Test("admin history holds the twelve months before the period that were loaded")
    func adminHistory() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        let february = try store.history(for: periodOf("2024-02"), calendar: ReportingCalendar())
        #expect(Array(february.admin.keys) == [periodOf("2023-12")])
        #expect(february.admin[periodOf("2023-12")]?.count == AreaFixture.enterprises.count)
        // The period's own admin data is not history.
        let december = try store.history(for: periodOf("2023-12"), calendar: ReportingCalendar())
        #expect(december.admin.isEmpty)
        // Thirteen months on it has dropped out.
        let late = try store.history(for: periodOf("2025-01"), calendar: ReportingCalendar())
        #expect(late.admin.isEmpty)
    }

    @Test("history fetches only the fields and lags asked for, always with the credit code")
    func selectedFields() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        let needs = HistoryNeeds.reports(["gross_output", "employees"], lags: [1]).union(.admin(["invoiced_sales"]))
        let history = try store.history(for: periodOf("2024-03"), calendar: ReportingCalendar(), needs: needs)
        #expect(history.reports.keys.sorted() == [1], "a lag nobody needs is not read")
        #expect(history.needs == needs)
        let table = try #require(history.reports[1])
        #expect(table.creditCodes.count == AreaFixture.enterprises.count)
        #expect(table[ReportField.grossOutput].count == AreaFixture.enterprises.count)
        #expect(table[ReportField.employees].count == AreaFixture.enterprises.count)
        #expect(table[ReportField.electricity].isEmpty)
        #expect(table[text: ReportField.name].count == 0)
        let full = try #require(try store.table(.reports, period: periodOf("2024-02")))
        #expect(table[ReportField.grossOutput] == full[ReportField.grossOutput])
        #expect(table.creditCodes == full.creditCodes)
    }

    @Test("a history reads the same with the store file unmapped, and again mapped")
    func unmappedReadsTheSame() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        let mapped = try store.history(for: periodOf("2024-04"), calendar: ReportingCalendar())
        try store.setMemoryMapped(false)
        let unmapped = try store.history(for: periodOf("2024-04"), calendar: ReportingCalendar())
        try store.setMemoryMapped(true)
        let remapped = try store.history(for: periodOf("2024-04"), calendar: ReportingCalendar())
        #expect(!mapped.reports.isEmpty)
        for other in [unmapped, remapped] {
            #expect(other.reports.keys.sorted() == mapped.reports.keys.sorted())
            for (lag, table) in mapped.reports {
                #expect(other.reports[lag]?.creditCodes == table.creditCodes)
                #expect(other.reports[lag]?[ReportField.grossOutput] == table[ReportField.grossOutput])
            }
            #expect(other.admin.keys.sorted() == mapped.admin.keys.sorted())
        }
    }

    @Test("loaded periods come oldest first")
    func loadedPeriods() throws {
        let (fixture, store) = try Self.filledStore()
        defer { withExtendedLifetime(fixture) {} }
        #expect(try store.loadedPeriods() == Self.loaded)
    }
}
