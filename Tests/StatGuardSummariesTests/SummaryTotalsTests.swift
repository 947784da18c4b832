import StatGuardChecks
import StatGuardCore
import StatGuardIngest
import StatGuardSummaries
import StatGuardTestSupport
import Testing

/// Totals, counts and rates by every breakdown, checked against plain loops
/// over the fixture rows (not through the engine's columns or group ids).
@Suite("Summary totals")
struct SummaryTotalsTests {
    /// The report field each measure sums in each view.
    static let fields: [SummaryView: [(Measure, String)]] = [
        .month: [(.grossOutput, "gross_output"), (.salesOutput, "sales_output"), (.exportDelivery, "export_delivery"),
                 (.electricity, "electricity"), (.energy, "energy"), (.employees, "employees")],
        .ytd: [(.grossOutput, "gross_output_ytd"), (.salesOutput, "sales_output_ytd"), (.revenue, "revenue_ytd"), (.profit, "profit_ytd")],
    ]

    static let breakdowns: [Breakdown] = [.area, .county, .town, .section, .division, .industryClass, .chain, .park]

    @Test("totals and enterprise counts equal plain sums over the rows, for every breakdown and view")
    func totalsMatchPlainSums() throws {
        let folder = try FixtureFolder("summary")
        let summary = try SummaryFixture.build(in: folder)
        let rows = SummaryFixture.currentRows
        for view in SummaryView.allCases {
            for breakdown in Self.breakdowns {
                var count: [String: Int] = [:]
                var sums: [String: [String: Double]] = [:]
                for row in rows {
                    for group in groups(of: row, breakdown, chains: SummaryFixture.chains) {
                        count[group, default: 0] += 1
                        for (_, field) in Self.fields[view]! {
                            if let value = number(row, field) { sums[group, default: [:]][field, default: 0] += value }
                        }
                    }
                }
                let engine = summary.rows(view, breakdown)
                let withRows = Set(engine.filter { $0.value.enterprises > 0 }.keys)
                #expect(withRows == Set(count.keys), "\(view) \(breakdown) groups")
                for (group, expectedCount) in count {
                    let line = try #require(engine[group], "\(view) \(breakdown) \(group)")
                    #expect(line.enterprises == expectedCount, "\(view) \(breakdown) \(group) enterprises")
                    for (measure, field) in Self.fields[view]! {
                        #expect(line[measure].total == sums[group]?[field], "\(view) \(breakdown) \(group) \(field)")
                    }
                }
            }
        }
    }

    @Test("figures with no counterpart in a view stay blank (revenue by month, electricity year to date)")
    func notApplicable() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("summary"))
        let month = try #require(summary.rows(.month, .area)["all"])
        let ytd = try #require(summary.rows(.ytd, .area)["all"])
        #expect(month[.revenue].total == nil && month[.profit].total == nil)
        #expect(ytd[.electricity].total == nil && ytd[.energy].total == nil && ytd[.employees].total == nil)
        #expect(month.lossMaking == nil)
    }

    @Test("a blank figure is missing, not zero: a town whose only enterprise left energy blank has no energy total")
    func blankIsNotZero() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("summary"))
        let town = try #require(summary.rows(.month, .town)["510402002"])
        #expect(town.enterprises == 1)
        #expect(town[.energy].total == nil)
        #expect(town[.exportDelivery].total == nil)
        #expect(town[.grossOutput].total == 800)
    }

    @Test("loss-making enterprises, 亏损面 and 产销率 equal plain counts and ratios")
    func lossAndSalesRatio() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("summary"))
        for breakdown in Self.breakdowns {
            var losses: [String: Int] = [:]
            var count: [String: Int] = [:]
            var sales: [String: Double] = [:]
            var output: [String: Double] = [:]
            for row in SummaryFixture.currentRows {
                for group in groups(of: row, breakdown, chains: SummaryFixture.chains) {
                    count[group, default: 0] += 1
                    if number(row, "profit_ytd")! < 0 { losses[group, default: 0] += 1 }
                    sales[group, default: 0] += number(row, "sales_output")!
                    output[group, default: 0] += number(row, "gross_output")!
                }
            }
            let ytd = summary.rows(.ytd, breakdown), month = summary.rows(.month, breakdown)
            for (group, n) in count {
                #expect(ytd[group]?.lossMaking == losses[group, default: 0], "\(breakdown) \(group)")
                #expect(ytd[group]?.lossShare == Double(losses[group, default: 0]) / Double(n), "\(breakdown) \(group)")
                #expect(month[group]?.salesRatio == sales[group]! / output[group]!, "\(breakdown) \(group)")
            }
        }
        // The fixture's one loss-maker is enterprise 5, in county 510403.
        #expect(summary.rows(.ytd, .county)["510403"]?.lossMaking == 1)
        #expect(summary.rows(.ytd, .county)["510402"]?.lossMaking == 0)
    }

    @Test("reporting due and reported by area, county and town equal plain counts over the register")
    func reportingRate() throws {
        let folder = try FixtureFolder("summary")
        // Enterprise 4 did not report this month.
        let current = SummaryFixture.currentRows.filter { $0["credit_code"] != AreaFixture.enterprises[3].code }
        let summary = try SummaryFixture.build(in: folder, current: current)
        let reported = Set(current.map { $0["credit_code"]! })
        // Due: operating 规上 enterprises in the register, entered by March and not exited: all but the leaver.
        let due = SummaryFixture.area + [SummaryFixture.newcomer]
        for breakdown in [Breakdown.area, .county, .town] {
            var counts: [String: (due: Int, reported: Int)] = [:]
            for enterprise in due {
                let group = breakdown == .area ? "all" : String(enterprise.region.prefix(breakdown == .county ? 6 : 9))
                counts[group, default: (0, 0)].due += 1
                if reported.contains(enterprise.code) { counts[group, default: (0, 0)].reported += 1 }
            }
            for (code, line) in summary.rows(.month, breakdown) {
                let expected = counts[code] ?? (0, 0)
                #expect(line.reportingDue == expected.due, "\(breakdown) \(code)")
                #expect(line.reportingReported == expected.reported, "\(breakdown) \(code)")
            }
        }
        #expect(summary.rows(.month, .area)["all"]?.reportingRate == 5.0 / 6.0)
        #expect(summary.rows(.month, .industryClass)["2521"]?.reportingDue == nil)
    }

    @Test("with parks configured, the others are summed as 其他园区 and a listed park without enterprises still has its line")
    func configuredParks() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("summary"), parks: ["钒钛产业园", "东区工业园"])
        let parks = summary.rows(.month, .park)
        #expect(Set(parks.keys) == ["钒钛产业园", "东区工业园", "其他园区"])
        var expected: [String: (count: Int, output: Double)] = [:]
        for row in SummaryFixture.currentRows where !row["park"]!.isEmpty {
            let label = row["park"] == "钒钛产业园" ? "钒钛产业园" : "其他园区"
            expected[label, default: (0, 0)].count += 1
            expected[label, default: (0, 0)].output += number(row, "gross_output")!
        }
        for (label, figures) in expected {
            #expect(parks[label]?.enterprises == figures.count, "\(label)")
            #expect(parks[label]?[.grossOutput].total == figures.output, "\(label)")
        }
        #expect(parks["其他园区"]?.enterprises == 2)  // 高新区: enterprise 4 and the newcomer
        #expect(parks["东区工业园"]?.enterprises == 0)
        #expect(parks["东区工业园"]?[.grossOutput].total == nil)
    }

    @Test("rows of a breakdown are ordered by gross output, largest first")
    func ordering() throws {
        let summary = try SummaryFixture.build(in: try FixtureFolder("summary"))
        for breakdown in Self.breakdowns {
            let outputs = summary.rows.filter { $0.view == .month && $0.breakdown == breakdown }.map { $0[.grossOutput].total ?? 0 }
            #expect(outputs == outputs.sorted(by: >), "\(breakdown)")
        }
        #expect(summary.rows.first?.breakdown == .area)
    }

    @Test("a quarantined row changes no total")
    func quarantinedRowChangesNothing() throws {
        let folder = try FixtureFolder("summary")
        var bad = AreaFixture.reportFields(AreaFixture.enterprises[1].renumbered(8, name: "坏行企业"), period: SummaryFixture.march)
        bad["region_code"] = "51040200100"  // 11 digits: S04
        bad["gross_output"] = "999999"
        var withBad = SummaryFixture.currentRows
        withBad.insert(bad, at: 2)
        let readBad = try SummaryFixture.read(withBad, period: SummaryFixture.march, in: folder, name: "with_bad_202403.csv")
        let readGood = try SummaryFixture.read(SummaryFixture.currentRows, period: SummaryFixture.march, in: folder, name: "good_202403.csv")
        #expect(readBad.quarantined.map(\.rule) == [.S04])
        #expect(readBad.rowsRead == readGood.rowsRead + 1)
        let prior = try SummaryFixture.read(SummaryFixture.priorRows, period: SummaryFixture.lastMarch, in: folder).table
        let register = try SummaryFixture.register(in: folder)
        func summary(_ reports: ColumnTable) -> PeriodSummary {
            SummaryBuilder.build(SummaryInput(
                period: SummaryFixture.march, calendar: ReportingCalendar(), reports: reports, priorYear: prior, register: register,
                products: nil, capacity: nil, chains: SummaryFixture.chains, parks: []))
        }
        let a = summary(readBad.table), b = summary(readGood.table)
        #expect(a.rows.count == b.rows.count)
        #expect(a.rows == b.rows)
        #expect(a.rows(.month, .area)["all"]?[.grossOutput].total == 6400)
    }

    @Test("capacity use: output over design capacity pro-rated to the period (two months for 1-2月)")
    func capacityUse() throws {
        let folder = try FixtureFolder("summary")
        let february = Period(year: 2024, month: 2)
        let first = AreaFixture.enterprises[0], second = AreaFixture.enterprises[2]
        let reports = try SummaryFixture.read(
            [AreaFixture.reportFields(first, period: february), AreaFixture.reportFields(second, period: february)], period: february, in: folder)
        let products = ContractCSV.products
        let productPath = try folder.write("products_202402.csv", text: products.text([
            products.row(["credit_code": first.code, "period": "2024-02", "product_code": "2501", "product_name": "焦炭", "unit": "吨", "output": "1500", "output_ytd": "1500"]),
            products.row(["credit_code": second.code, "period": "2024-02", "product_code": "2501", "product_name": "焦炭", "unit": "吨", "output": "500", "output_ytd": "500"]),
            // No capacity for this one: left out.
            products.row(["credit_code": second.code, "period": "2024-02", "product_code": "0610", "product_name": "原煤", "unit": "万吨", "output": "3", "output_ytd": "3"]),
        ]))
        let capacity = ContractCSV.capacity
        let capacityPath = try folder.write("capacity.csv", text: capacity.text([
            capacity.row(["credit_code": first.code, "annual_capacity": "12000"]),
            capacity.row(["credit_code": second.code, "annual_capacity": "6000"]),
        ]))
        let summary = SummaryBuilder.build(SummaryInput(
            period: february, calendar: ReportingCalendar(), reports: reports.table, priorYear: nil, register: nil,
            products: try ContractFileReader(kind: .products, options: ReadOptions(period: february)).read(path: productPath).table,
            capacity: try ContractFileReader(kind: .capacity).read(path: capacityPath).table, chains: [], parks: []))
        #expect(summary.products.count == 1)
        let coke = try #require(summary.products.first)
        #expect(coke.productCode == "2501" && coke.unit == "吨" && coke.enterprises == 2)
        #expect(coke.output == 2000)
        #expect(coke.capacityForPeriod == (12000 + 6000) * 2.0 / 12)
        #expect(coke.utilisation == 2000 / 3000.0)
        #expect(coke.utilisationYTD == 2000 / 3000.0)
    }
}
