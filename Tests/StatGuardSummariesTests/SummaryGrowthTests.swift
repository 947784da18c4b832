import StatGuardCore
import StatGuardIngest
import StatGuardSummaries
import StatGuardTestSupport
import Testing

/// `now` summed over `base` summed, less one: a growth rate worked out by hand.
func growth(_ now: [Double], over base: [Double]) -> Double {
    now.reduce(0, +) / base.reduce(0, +) - 1
}

/// 同比 on a comparable basis (同口径), growth on the store's figures, 拉动 and 占比.
@Suite("Summary growth, contribution and share")
struct SummaryGrowthTests {
    static let partitions: [Breakdown] = [.county, .town, .section, .division, .industryClass]

    /// Plain comparable growth of `field` over `rows`: each enterprise's base is its own
    /// 上年同期 (`baseField`) when given, else its store figure a year ago; enterprises without either are left out.
    static func plainGrowth(_ rows: [[String: String]], field: String, baseField: String?, store: [String: [String: String]]) -> (comparable: Double?, store: Double?) {
        var now = 0.0, base = 0.0, storeNow = 0.0, storeBase = 0.0
        for row in rows {
            guard let value = number(row, field) else { continue }
            let stored = store[row["credit_code"]!].flatMap { number($0, field) }
            if let b = baseField.flatMap({ number(row, $0) }) ?? stored {
                now += value
                base += b
            }
            if let stored {
                storeNow += value
                storeBase += stored
            }
        }
        return (base > 0 ? now / base - 1 : nil, storeBase > 0 ? storeNow / storeBase - 1 : nil)
    }

    static var storeByCode: [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: SummaryFixture.priorRows.map { ($0["credit_code"]!, $0) })
    }

    @Test("area growth by hand: the newcomer and the leaver are out, reported 上年同期 first, the store where blank")
    func areaGrowthByHand() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("growth"))
        let month = try #require(summary.rows(.month, .area)["all"])
        // Comparable: 1, 3, 4, 5 by their 上年同期; 2 by the store (blank 上年同期); 6 has no base; 7 is gone.
        #expect(month[.grossOutput].growth == growth([1200, 3000, 800, 500, 200], over: [1000, 2500, 900, 400, 250]))
        // Store basis: the enterprises in last March's store that report now: 1, 2, 4, 5.
        #expect(month[.grossOutput].storeGrowth == growth([1200, 3000, 500, 200], over: [1100, 2500, 450, 250]))
        #expect(month[.grossOutput].total == 6400)
        let ytd = try #require(summary.rows(.ytd, .area)["all"])
        #expect(ytd[.grossOutput].growth == growth([3500, 9000, 2500, 1500, 600], over: [3000, 7000, 2600, 1100, 700]))
        #expect(ytd[.grossOutput].storeGrowth == growth([3500, 9000, 1500, 600], over: [3200, 7000, 1200, 650]))
    }

    @Test("comparable and store growth of every group equal a plain recomputation", arguments: [SummaryView.month, .ytd])
    func growthMatchesPlain(view: SummaryView) throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("growth"))
        let measures: [(Measure, String, String?)] = view == .month
            ? [(.grossOutput, "gross_output", "gross_output_ly"), (.salesOutput, "sales_output", nil), (.electricity, "electricity", nil)]
            : [(.grossOutput, "gross_output_ytd", "gross_output_ytd_ly"), (.salesOutput, "sales_output_ytd", nil), (.revenue, "revenue_ytd", nil)]
        for breakdown in Self.partitions + [.area, .chain, .park] {
            for (code, line) in summary.rows(view, breakdown) where line.enterprises > 0 {
                let members = SummaryFixture.currentRows.filter { groups(of: $0, breakdown, chains: SummaryFixture.chains).contains(code) }
                for (measure, field, baseField) in measures {
                    let plain = Self.plainGrowth(members, field: field, baseField: baseField, store: Self.storeByCode)
                    #expect(line[measure].growth == plain.comparable, "\(view) \(breakdown) \(code) \(field) growth")
                    #expect(line[measure].storeGrowth == plain.store, "\(view) \(breakdown) \(code) \(field) store growth")
                }
            }
        }
    }

    @Test("an enterprise that entered this year changes the total but not the comparable growth")
    func newcomerOutOfGrowth() throws {
        let withNewcomer = try SummaryFixture.build(in: try FixtureFolder("growth"))
        let without = try SummaryFixture.build(
            in: try FixtureFolder("growth"),
            current: SummaryFixture.currentRows.filter { $0["credit_code"] != SummaryFixture.newcomer.code })
        for view in SummaryView.allCases {
            let a = try #require(withNewcomer.rows(view, .area)["all"]), b = try #require(without.rows(view, .area)["all"])
            #expect(a[.grossOutput].total != b[.grossOutput].total)
            #expect(a[.grossOutput].growth == b[.grossOutput].growth)
            #expect(a[.grossOutput].storeGrowth == b[.grossOutput].storeGrowth)
            #expect(a[.salesOutput].growth == b[.salesOutput].growth)
        }
        // Alone in its class, the newcomer's class has a total and no growth.
        let newcomerClass = try #require(withNewcomer.rows(.month, .industryClass)["3091"])
        #expect(newcomerClass[.grossOutput].total == 700)
        #expect(newcomerClass[.grossOutput].growth == nil)
        #expect(newcomerClass[.grossOutput].storeGrowth == nil)
    }

    @Test("an enterprise that exited (in the store a year ago, absent now) is in neither side of the growth")
    func leaverOutOfGrowth() throws {
        let folder = try FixtureFolder("growth")
        let march = SummaryFixture.march
        let reports = try SummaryFixture.read(SummaryFixture.currentRows, period: march, in: folder).table
        func summary(prior: [[String: String]], name: String) throws -> PeriodSummary {
            let table = try SummaryFixture.read(prior, period: SummaryFixture.lastMarch, in: folder, name: name).table
            return SummaryBuilder.build(SummaryInput(
                period: march, calendar: ReportingCalendar(), reports: reports, priorYear: table, register: nil,
                products: nil, capacity: nil, chains: SummaryFixture.chains, parks: []))
        }
        let withLeaver = try summary(prior: SummaryFixture.priorRows, name: "a_202303.csv")
        let without = try summary(
            prior: SummaryFixture.priorRows.filter { $0["credit_code"] != SummaryFixture.leaver.code }, name: "b_202303.csv")
        #expect(withLeaver.rows == without.rows)
        // Its town (shared with enterprise 3, which has no store figure) has comparable growth from 3's 上年同期 only.
        let town = try #require(withLeaver.rows(.month, .town)["510402002"])
        #expect(town[.grossOutput].growth == 800.0 / 900 - 1)
        #expect(town[.grossOutput].storeGrowth == nil)
    }

    @Test("the reported 上年同期 is used where given; the store figure only where it is blank")
    func reportedBaseFirst() throws {
        let base = try SummaryFixture.build(in: try FixtureFolder("growth"))
        func area(_ summary: PeriodSummary) -> MeasureFigures { summary.rows(.month, .area)["all"]![.grossOutput] }
        func withStore(_ number: Int, gross: String) throws -> PeriodSummary {
            let folder = try FixtureFolder("growth")
            let prior = SummaryFixture.priorRows.map { row in
                row["credit_code"] == AreaFixture.enterprises[number - 1].code ? row.merging(["gross_output": gross]) { $1 } : row
            }
            let reports = try SummaryFixture.read(SummaryFixture.currentRows, period: SummaryFixture.march, in: folder).table
            let table = try SummaryFixture.read(prior, period: SummaryFixture.lastMarch, in: folder).table
            return SummaryBuilder.build(SummaryInput(
                period: SummaryFixture.march, calendar: ReportingCalendar(), reports: reports, priorYear: table, register: nil,
                products: nil, capacity: nil, chains: SummaryFixture.chains, parks: []))
        }
        // Enterprise 1 reported its 上年同期 (1000): its store figure moves only the store-basis growth.
        let first = try withStore(1, gross: "1")
        #expect(area(first).growth == area(base).growth)
        #expect(area(first).storeGrowth != area(base).storeGrowth)
        // Enterprise 2 left it blank: its store figure is its base.
        let second = try withStore(2, gross: "2000")
        #expect(area(second).growth == growth([1200, 3000, 800, 500, 200], over: [1000, 2000, 900, 400, 250]))
        #expect(area(second).growth != area(base).growth)
        // Without any store a year ago, the reported 上年同期 alone give the growth; the store basis has none.
        let folder = try FixtureFolder("growth")
        let noStore = SummaryBuilder.build(SummaryInput(
            period: SummaryFixture.march, calendar: ReportingCalendar(),
            reports: try SummaryFixture.read(SummaryFixture.currentRows, period: SummaryFixture.march, in: folder).table,
            priorYear: nil, register: nil, products: nil, capacity: nil, chains: [], parks: []))
        let alone = try #require(noStore.rows(.month, .area)["all"])
        #expect(alone[.grossOutput].growth == growth([1200, 800, 500, 200], over: [1000, 900, 400, 250]))
        #expect(alone[.grossOutput].storeGrowth == nil)
        #expect(alone[.salesOutput].growth == nil)
    }

    @Test("拉动 over the groups of a breakdown adds up to the area's growth, in percentage points")
    func contributionsAddUp() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("growth"))
        var checked = 0
        for view in SummaryView.allCases {
            let area = try #require(summary.rows(view, .area)["all"])
            for measure in Measure.allCases {
                guard let growth = area[measure].growth else { continue }
                #expect(abs((area[measure].contribution ?? .nan) - growth * 100) < 1e-9, "\(view) \(measure) area")
                for breakdown in Self.partitions {
                    let sum = summary.rows(view, breakdown).values.compactMap { $0[measure].contribution }.reduce(0, +)
                    #expect(abs(sum - growth * 100) < 1e-9, "\(view) \(measure) \(breakdown): \(sum) pp vs \(growth * 100)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 5 * 8)
        // Counties by hand: county 510402 holds 1, 2, 3; 510403 holds 4, 5 and the newcomer.
        let counties = summary.rows(.month, .county)
        let areaBase: Double = 1000 + 2500 + 900 + 400 + 250
        let west: Double = (1200 + 3000 + 800) - (1000 + 2500 + 900)
        let east: Double = (500 + 200) - (400 + 250)
        let westContribution = try #require(counties["510402"]?[.grossOutput].contribution)
        let eastContribution = try #require(counties["510403"]?[.grossOutput].contribution)
        #expect(abs(westContribution - west / areaBase * 100) < 1e-12)
        #expect(abs(eastContribution - east / areaBase * 100) < 1e-12)
    }

    @Test("占比 over the groups of a breakdown adds up to 100%")
    func sharesAddUp() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("growth"))
        for view in SummaryView.allCases {
            let area = try #require(summary.rows(view, .area)["all"])
            for measure in Measure.allCases where area[measure].total != nil {
                #expect(area[measure].share == 1, "\(view) \(measure) area")
                for breakdown in Self.partitions {
                    let sum = summary.rows(view, breakdown).values.compactMap { $0[measure].share }.reduce(0, +)
                    #expect(abs(sum - 1) < 1e-12, "\(view) \(measure) \(breakdown): \(sum)")
                }
            }
        }
        let county = try #require(summary.rows(.month, .county)["510402"])
        #expect(county[.grossOutput].share == 5000.0 / 6400)
    }
}
