import StatGuardCore
import StatGuardCharts
import StatGuardSummaries

/// The charts of `summary.md`, from the summaries of the last months (13 make a
/// year-on-year picture): gross output of the area, of its counties (a chart of
/// their own: beside the area's total their lines would lie flat), the area's
/// growth on both bases, and for the latest period 拉动 by county and 报送率 by town.
///
/// Pure: the same summaries give the same bytes. Periods are shown in order,
/// each once (the last summary given for a period wins); a missing month is
/// simply not on the axis.
public enum SummaryCharts {
    public static let outputFile = "summary-output.svg"
    public static let countyOutputFile = "summary-output-by-county.svg"
    public static let growthFile = "summary-growth.svg"
    public static let contributionFile = "summary-contribution.svg"
    public static let reportingRateFile = "summary-reporting-rate.svg"

    /// The five chart files, or none when `history` is empty.
    /// - Parameter maxCounties: counties drawn in the county output chart (the largest in the latest period).
    public static func files(_ history: [PeriodSummary], maxCounties: Int = 10) -> [ChartFile] {
        let periods = ordered(history)
        guard let latest = periods.last else { return [] }
        let output = outputChart(periods)
        let countyOutput = countyOutputChart(periods, maxCounties: maxCounties)
        let growth = growthChart(periods)
        let contribution = contributionChart(latest)
        let rate = reportingRateChart(latest)
        return [
            ChartFile(name: outputFile, chart: output, title: output.title),
            ChartFile(name: countyOutputFile, chart: countyOutput, title: countyOutput.title),
            ChartFile(name: growthFile, chart: growth, title: growth.title),
            ChartFile(name: contributionFile, chart: contribution, title: contribution.title),
            ChartFile(name: reportingRateFile, chart: rate, title: rate.title),
        ]
    }

    /// One summary per period, oldest first.
    static func ordered(_ history: [PeriodSummary]) -> [PeriodSummary] {
        var byPeriod: [Int32: PeriodSummary] = [:]
        for summary in history { byPeriod[summary.period.monthIndex] = summary }
        return byPeriod.keys.sorted().map { byPeriod[$0]! }
    }

    /// `24年3月` from `2024年3月` (and `24年1-2月`): short enough for 13 labels side by side.
    static func shortLabel(_ summary: PeriodSummary) -> String {
        let label = summary.monthLabel
        let head = label.prefix(5)
        if head.count == 5, head.last == "年", head.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) {
            return String(label.dropFirst(2))
        }
        return label
    }

    static func row(_ summary: PeriodSummary, _ breakdown: Breakdown, _ code: String? = nil) -> SummaryRow? {
        summary.rows.first { $0.view == .month && $0.breakdown == breakdown && (code == nil || $0.code == code) }
    }

    static func wan(_ row: SummaryRow?) -> Double? { row?[.grossOutput].total.map { $0 / 10 } }

    static func combinedNote(_ periods: [PeriodSummary]) -> String? {
        periods.contains { $0.monthLabel.contains("1-2月") } ? "1-2月为两个月合计 (Jan-Feb combined)。" : nil
    }

    static func outputChart(_ periods: [PeriodSummary]) -> LineChart {
        LineChart(
            title: "全部工业总产值（本月） Gross output by month", unit: "万元", categories: periods.map(shortLabel),
            series: [LineChart.Series(name: "全部 area", values: periods.map { wan(row($0, .area)) }, emphasised: true)],
            includesZero: true, note: combinedNote(periods))
    }

    static func countyOutputChart(_ periods: [PeriodSummary], maxCounties: Int) -> LineChart {
        let counties = periods.last!.rows.filter { $0.view == .month && $0.breakdown == .county }  // by output, largest first
        let drawn = counties.prefix(max(maxCounties, 0))
        let series = drawn.map { county in
            LineChart.Series(name: county.name, values: periods.map { wan(row($0, .county, county.code)) })
        }
        var notes = combinedNote(periods).map { [$0] } ?? []
        if counties.count > drawn.count { notes.append("另有\(counties.count - drawn.count)个区县未画出，见 summary.xlsx。") }
        return LineChart(
            title: "各区县工业总产值（本月） Gross output by county", unit: "万元", categories: periods.map(shortLabel),
            series: Array(series), includesZero: true, note: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    static func growthChart(_ periods: [PeriodSummary]) -> LineChart {
        func percent(_ value: Double?) -> Double? { value.map { $0 * 100 } }
        let area = periods.map { row($0, .area)?[.grossOutput] }
        return LineChart(
            title: "全部工业总产值同比增速（本月） Output growth, two bases", unit: "%", categories: periods.map(shortLabel),
            series: [
                LineChart.Series(name: "同比（同口径）", values: area.map { percent($0?.growth) }, emphasised: true),
                LineChart.Series(name: "同比（按库内数）", values: area.map { percent($0?.storeGrowth) }),
            ],
            note: "同口径：上年同期取企业填报数，缺报时取库内上年实报数；按库内数：全部取库内上年实报数。两线差距大说明上年基数被压低。")
    }

    static func contributionChart(_ latest: PeriodSummary) -> BarChart {
        let counties = latest.rows.filter { $0.view == .month && $0.breakdown == .county }
            .sorted { a, b in
                let x = a[.grossOutput].contribution ?? -.infinity, y = b[.grossOutput].contribution ?? -.infinity
                return x != y ? x > y : a.code < b.code
            }
        let growth = row(latest, .area)?[.grossOutput].growth
        return BarChart(
            title: "各区县拉动工业总产值增长（\(latest.monthLabel)） Contribution by county", unit: "百分点",
            bars: counties.map { BarChart.Bar(label: $0.name, value: $0[.grossOutput].contribution) },
            valueFormat: .points,
            note: growth.map { "全部同比（同口径）\(ChartNumber.format($0 * 100, decimals: 1, signed: true))%，为各区县拉动之和。" })
    }

    static func reportingRateChart(_ latest: PeriodSummary) -> BarChart {
        let towns = latest.rows.filter { $0.view == .month && $0.breakdown == .town && $0.reportingRate != nil }
            .sorted { a, b in a.reportingRate! != b.reportingRate! ? a.reportingRate! < b.reportingRate! : a.code < b.code }
        let area = row(latest, .area)
        let note = area?.reportingRate.map { rate in
            "全部报送率 \(ChartNumber.format(rate * 100, decimals: 1))%（\(area?.reportingReported ?? 0)/\(area?.reportingDue ?? 0)）；最低的乡镇在上。"
        }
        return BarChart(
            title: "各乡镇（街道）报送率（\(latest.monthLabel)） Reporting rate by town", unit: "%",
            bars: towns.map { BarChart.Bar(label: $0.name, value: $0.reportingRate.map { $0 * 100 }) },
            domain: 0...100, valueFormat: .percent, note: note)
    }
}
