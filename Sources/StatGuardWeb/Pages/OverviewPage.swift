import StatGuardCharts
import StatGuardCore
import StatGuardReports
import StatGuardSummaries

/// The period overview: headline figures on both growth bases and the 报送率, the open cases
/// by town and category, and the findings per period over the last 13 periods.
enum OverviewPage {
    static func render(
        viewer: Viewer, summary: ScopedSummary?, openCases: [AlertCase], findingCounts: [(period: Period, count: Int)], regions: RegionNames
    ) -> String {
        let h = Layout.h
        var body = Layout.heading("\(viewer.period) 概览", "Period overview")
        let area = summary?.area
        let output = area?[.grossOutput]
        let rate = summary?.reportingRate.total
        let cards: [(String, String)] = [
            ("工业总产值（本月，亿元） Gross output", NumberText.yiYuan(output?.total)),
            ("同比（同口径） Growth, comparable", NumberText.percent(output?.growth)),
            ("同比（按库内数） Growth, stored base", NumberText.percent(output?.storeGrowth)),
            ("报送率 Reporting rate", rate.map { "\($0.reported)/\($0.due) · " + NumberText.percent($0.rate, signed: false) } ?? "—"),
            ("待核实案例 Open cases", String(openCases.count)),
        ]
        body += "<div class=\"cards\">" + cards.map { "<div class=\"card\">\(h($0.0))<b>\(h($0.1))</b></div>" }.joined() + "</div>"
        body += Layout.heading("待核实案例：分乡镇、分类别", "Open cases by town and category", level: 3)
        body += byTown(openCases, regions: regions, period: viewer.period)
        body += Layout.heading("各期发现数（近13期）", "Findings per period, last 13 periods", level: 3)
        let recent = findingCounts.suffix(13)
        let chart = LineChart(
            title: "发现数 Findings", unit: "条", categories: recent.map { $0.period.description },
            series: [LineChart.Series(name: "发现 findings", values: recent.map { Double($0.count) }, emphasised: true)], includesZero: true)
        body += chart.svg()
        return Layout.page(title: "概览", viewer: viewer, path: "/", body: body)
    }

    static func byTown(_ cases: [AlertCase], regions: RegionNames, period: Period) -> String {
        let categories = FindingCategory.allCases
        var counts: [String: [FindingCategory: Int]] = [:]
        var totals: [String: Int] = [:]
        for alertCase in cases {
            totals[alertCase.town, default: 0] += 1
            for category in Set(alertCase.lines.filter { $0.status.status.isInQueue }.map(\.finding.category)) {
                counts[alertCase.town, default: [:]][category, default: 0] += 1
            }
        }
        guard !totals.isEmpty else { return "<p class=\"muted\">本期没有待核实的案例。 No open cases this period.</p>" }
        let rows = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { town, total -> [String] in
            let link = "<a href=\"/cases\(Layout.query([("period", period.description), ("town", town)]))\">\(Layout.h(regions.nameOrCode(town)))</a>"
            return [link, Layout.h(town), String(total)] + categories.map { String(counts[town]?[$0] ?? 0) }
        }
        return Layout.table(["乡镇 Town", "代码 Code", "案例 Cases"] + categories.map { Labels.category($0) }, rows, numericFrom: 2)
    }
}
