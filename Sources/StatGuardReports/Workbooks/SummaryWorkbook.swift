import StatGuardCore
import StatGuardSummaries
import StatGuardWorkbook

/// Renders `summary.xlsx`, the 汇总表 as leaders' staff reuse it in Excel: the
/// area's headline figures first (`主要指标 headline`), then one sheet per
/// breakdown (county, town, industry section/division/class, park, chain) with
/// one row per group in the summary's order, then 产能利用率 when there are products.
///
/// Money is in 万元 (`#,##0.0`), physical figures in their own units, growth,
/// shares and rates as percentages (`0.0%`, stored as fractions), 拉动 in
/// percentage points. A blank cell is a figure that does not apply or cannot be computed.
public enum SummaryWorkbook {
    /// The headline sheet's name.
    public static let headlineSheetName = "主要指标 headline"

    /// The workbook's bytes.
    public static func render(_ summary: PeriodSummary, pipeline: String) throws -> [UInt8] {
        try workbook(summary, pipeline: pipeline).xlsx()
    }

    /// The workbook as a value.
    public static func workbook(_ summary: PeriodSummary, pipeline: String) -> Workbook {
        var sheets = [headline(summary)]
        for breakdown in Breakdown.allCases where breakdown != .area {
            if let sheet = breakdownSheet(summary, breakdown) { sheets.append(sheet) }
        }
        if !summary.products.isEmpty { sheets.append(capacitySheet(summary)) }
        let properties = DocumentProperties(
            title: "规模以上工业主要指标 Industrial summary — \(pipeline) \(summary.monthLabel)",
            subject: "本月 = \(summary.monthLabel)，本年累计 = \(summary.cumulativeLabel)",
            comments: "同比为同口径（上年同期取企业填报数，缺报时取库内上年实报数）；按库内数为全部取库内上年实报数的同比。",
            created: PeriodDate.firstDay(summary.period))
        return Workbook(sheets: sheets, properties: properties)
    }

    /// The unit, cell format and 千元 → shown-unit divisor of a measure.
    static func unit(_ measure: Measure) -> (name: String, format: NumberFormat, divisor: Double) {
        switch measure {
        case .grossOutput, .salesOutput, .exportDelivery, .revenue, .profit: ("万元", .tenThousandYuan, 10)
        case .electricity: ("万千瓦时", .quantity, 1)
        case .energy: ("吨标准煤", .quantity, 1)
        case .employees: ("人", .integer, 1)
        }
    }

    static func amount(_ figures: MeasureFigures?, _ measure: Measure) -> Cell {
        let unit = unit(measure)
        return .figure(figures?.total.map { $0 / unit.divisor }, unit.format)
    }

    private static func headline(_ summary: PeriodSummary) -> Sheet {
        let month = summary.rows.first { $0.view == .month && $0.breakdown == .area }
        let ytd = summary.rows.first { $0.view == .ytd && $0.breakdown == .area }
        let columns = ["指标 indicator", "单位 unit", "本月 \(summary.monthLabel)", "同比（同口径）", "同比（按库内数）",
                       "本年累计 \(summary.cumulativeLabel)", "累计同比（同口径）", "累计同比（按库内数）"].map { Column($0) }
        var rows: [[Cell]] = [[.text("企业数 enterprises"), .text("家"), count(month?.enterprises), .empty, .empty,
                               count(ytd?.enterprises), .empty, .empty]]
        for measure in Measure.allCases {
            let m = month.map { $0[measure] }, y = ytd.map { $0[measure] }
            let hasMonth = measure.field(.month) != nil, hasYTD = measure.field(.ytd) != nil
            rows.append([
                .text(measure.title), .text(unit(measure).name),
                hasMonth ? amount(m, measure) : .empty, hasMonth ? .figure(m?.growth, .percent) : .empty,
                hasMonth ? .figure(m?.storeGrowth, .percent) : .empty,
                hasYTD ? amount(y, measure) : .empty, hasYTD ? .figure(y?.growth, .percent) : .empty,
                hasYTD ? .figure(y?.storeGrowth, .percent) : .empty,
            ])
        }
        rows.append([.text("产销率 sales ratio"), .text("%"), .figure(month?.salesRatio, .percent), .empty, .empty,
                     .figure(ytd?.salesRatio, .percent), .empty, .empty])
        rows.append([.text("亏损企业数 loss-making"), .text("家"), .empty, .empty, .empty, count(ytd?.lossMaking), .empty, .empty])
        rows.append([.text("亏损面 loss share"), .text("%"), .empty, .empty, .empty, .figure(ytd?.lossShare, .percent), .empty, .empty])
        rows.append([.text("报送率 reporting rate"), .text("%"), .figure(month?.reportingRate, .percent), .empty, .empty,
                     .empty, .empty, .empty])
        rows.append([.text("应报企业数 due"), .text("家"), count(month?.reportingDue), .empty, .empty, .empty, .empty, .empty])
        rows.append([.text("已报企业数 reported"), .text("家"), count(month?.reportingReported), .empty, .empty, .empty, .empty, .empty])
        return Sheet(name: headlineSheetName, columns: columns, rows: rows, frozenColumns: 1, autofilter: false)
    }

    static func count(_ value: Int?) -> Cell { value.map(Cell.integer) ?? .empty }

    /// One column of a breakdown sheet: its header and its cell from the group's 本月 and 本年累计 rows.
    struct GroupColumn: Sendable {
        var header: String
        var cell: @Sendable (_ month: SummaryRow?, _ ytd: SummaryRow?) -> Cell
    }

    static let groupColumns: [GroupColumn] = {
        var columns = [
            GroupColumn(header: "代码 code") { m, y in .text((m ?? y)?.code ?? "") },
            GroupColumn(header: "名称 name") { m, y in .text((m ?? y)?.name ?? "") },
            GroupColumn(header: "企业数") { m, y in count((m ?? y)?.enterprises) },
        ]
        for (view, prefix) in [(SummaryView.month, "本月"), (.ytd, "累计")] {
            let pick: @Sendable (SummaryRow?, SummaryRow?) -> MeasureFigures? = { m, y in (view == .month ? m : y)?[.grossOutput] }
            columns += [
                GroupColumn(header: "\(prefix)工业总产值（万元）") { m, y in amount(pick(m, y), .grossOutput) },
                GroupColumn(header: "\(prefix)同比（同口径）") { m, y in .figure(pick(m, y)?.growth, .percent) },
                GroupColumn(header: "\(prefix)同比（按库内数）") { m, y in .figure(pick(m, y)?.storeGrowth, .percent) },
                GroupColumn(header: "\(prefix)拉动（百分点）") { m, y in .figure(pick(m, y)?.contribution, .points) },
                GroupColumn(header: "\(prefix)占比") { m, y in .figure(pick(m, y)?.share, .percent) },
            ]
        }
        let others: [(Measure, SummaryView)] = [
            (.salesOutput, .month), (.salesOutput, .ytd), (.exportDelivery, .month), (.revenue, .ytd), (.profit, .ytd),
            (.electricity, .month), (.energy, .month), (.employees, .month),
        ]
        for (measure, view) in others {
            let prefix = view == .month ? "本月" : "累计"
            let pick: @Sendable (SummaryRow?, SummaryRow?) -> MeasureFigures? = { m, y in (view == .month ? m : y)?[measure] }
            columns += [
                GroupColumn(header: "\(prefix)\(measure.title)（\(unit(measure).name)）") { m, y in amount(pick(m, y), measure) },
                GroupColumn(header: "\(measure.title)\(prefix)同比") { m, y in .figure(pick(m, y)?.growth, .percent) },
            ]
            if measure == .salesOutput {
                columns.append(GroupColumn(header: "\(prefix)产销率") { m, y in .figure((view == .month ? m : y)?.salesRatio, .percent) })
            }
        }
        columns += [
            GroupColumn(header: "亏损企业数") { _, y in count(y?.lossMaking) },
            GroupColumn(header: "亏损面") { _, y in .figure(y?.lossShare, .percent) },
        ]
        return columns
    }()

    static let reportingColumns = [
        GroupColumn(header: "报送率") { m, _ in .figure(m?.reportingRate, .percent) },
        GroupColumn(header: "应报企业数") { m, _ in count(m?.reportingDue) },
        GroupColumn(header: "已报企业数") { m, _ in count(m?.reportingReported) },
    ]

    /// One row per group, in the order of its 本月 rows (then groups found only in 本年累计).
    private static func breakdownSheet(_ summary: PeriodSummary, _ breakdown: Breakdown) -> Sheet? {
        let months = summary.rows.filter { $0.view == .month && $0.breakdown == breakdown }
        let ytds = summary.rows.filter { $0.view == .ytd && $0.breakdown == breakdown }
        guard !months.isEmpty || !ytds.isEmpty else { return nil }
        let ytdByCode = Dictionary(ytds.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let monthCodes = Set(months.map(\.code))
        var pairs: [(SummaryRow?, SummaryRow?)] = months.map { ($0, ytdByCode[$0.code]) }
        pairs += ytds.filter { !monthCodes.contains($0.code) }.map { (nil, $0) }
        let withRate = pairs.contains { $0.0?.reportingDue != nil }
        let columns = groupColumns + (withRate ? reportingColumns : [])
        return Sheet(
            name: "\(breakdown.title) \(breakdown.rawValue)", columns: columns.map { Column($0.header) },
            rows: pairs.map { pair in columns.map { $0.cell(pair.0, pair.1) } }, frozenColumns: 2)
    }

    private static func capacitySheet(_ summary: PeriodSummary) -> Sheet {
        let headers = ["产品代码 code", "产品名称 product", "计量单位 unit", "企业数", "本月产量", "本月产能", "产能利用率",
                       "累计产量", "累计产能", "累计产能利用率"]
        let rows: [[Cell]] = summary.products.map { p in
            [.text(p.productCode), .text(p.productName), .text(p.unit), .integer(p.enterprises),
             .figure(p.output, .quantity), .figure(p.capacityForPeriod, .quantity), .figure(p.utilisation, .percent),
             .figure(p.outputYTD, .quantity), .figure(p.capacityForYTD, .quantity), .figure(p.utilisationYTD, .percent)]
        }
        return Sheet(name: "产能利用率 capacity", columns: headers.map { Column($0) }, rows: rows, frozenColumns: 2)
    }
}
