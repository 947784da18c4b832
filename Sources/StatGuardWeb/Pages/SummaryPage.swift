import StatGuardCore
import StatGuardReports
import StatGuardSummaries

/// The summary tables (本月 and 本年累计) by county, town, industry, chain and park over the
/// user's region, with both growth bases and 拉动.
enum SummaryPage {
    static let breakdowns: [Breakdown] = [.area, .county, .town, .division, .chain, .park]

    static func render(viewer: Viewer, summary: ScopedSummary?) -> String {
        var body = Layout.heading("\(viewer.period) 汇总", "Summary of the user's region")
        guard let summary else {
            return Layout.page(title: "汇总", viewer: viewer, path: "/summary", body: body + "<p class=\"muted\">本期未载入。</p>")
        }
        for view in SummaryView.allCases {
            let label = view == .month ? summary.summary.monthLabel : summary.summary.cumulativeLabel
            body += Layout.heading("\(label)（\(view == .month ? "本月" : "本年累计")）", view == .month ? "Month" : "Year to date", level: 3)
            for breakdown in breakdowns {
                let rows = summary.summary.rows.filter { $0.view == view && $0.breakdown == breakdown }
                guard !rows.isEmpty else { continue }
                body += "<h4>\(Layout.h(breakdown.title))</h4>" + table(rows)
            }
        }
        return Layout.page(title: "汇总", viewer: viewer, path: "/summary", body: body)
    }

    static func table(_ rows: [SummaryRow]) -> String {
        let h = Layout.h
        return Layout.table(
            ["名称 Name", "代码 Code", "企业数", "工业总产值（万元）", "同比（同口径）", "同比（按库内数）", "拉动（百分点）", "占比", "报送率"],
            rows.map { row in
                let output = row[.grossOutput]
                return [
                    h(row.name), h(row.code), String(row.enterprises), NumberText.wanYuan(output.total), NumberText.percent(output.growth),
                    NumberText.percent(output.storeGrowth), NumberText.points(output.contribution), NumberText.percent(output.share, signed: false),
                    NumberText.percent(row.reportingRate, signed: false),
                ]
            }, numericFrom: 2)
    }
}
