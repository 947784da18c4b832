import StatGuardCore
import StatGuardSummaries

/// The months before a period as the 13-month charts need them: each load record keeps
/// its period's headline (area and county gross output, growth on both bases), and a
/// later period's charts read those back instead of recomputing a year of summaries.
public enum SummaryHistory {
    /// The headline a load record keeps of `summary`.
    public static func headline(_ summary: PeriodSummary) -> LoadRecord.Headline {
        func line(_ row: SummaryRow) -> LoadRecord.Headline.Line {
            let output = row[.grossOutput]
            return .init(code: row.code, name: row.name, grossOutput: output.total, growth: output.growth, storeGrowth: output.storeGrowth)
        }
        let month = summary.rows.filter { $0.view == .month }
        let area = month.first { $0.breakdown == .area }.map(line)
            ?? .init(code: "", name: "", grossOutput: nil, growth: nil, storeGrowth: nil)
        return LoadRecord.Headline(monthLabel: summary.monthLabel, area: area, counties: month.filter { $0.breakdown == .county }.map(line))
    }

    /// A summary holding only what a headline kept: month rows of the area and its counties, gross output only.
    public static func summary(_ headline: LoadRecord.Headline, period: Period) -> PeriodSummary {
        func row(_ line: LoadRecord.Headline.Line, _ breakdown: Breakdown) -> SummaryRow {
            var measures = Measure.allCases.map { _ in MeasureFigures() }
            measures[Measure.grossOutput.rawValue] = MeasureFigures(total: line.grossOutput, growth: line.growth, storeGrowth: line.storeGrowth)
            return SummaryRow(view: .month, breakdown: breakdown, code: line.code, name: line.name, enterprises: 0, measures: measures)
        }
        return PeriodSummary(
            period: period, monthLabel: headline.monthLabel, cumulativeLabel: "",
            rows: [row(headline.area, .area)] + headline.counties.map { row($0, .county) })
    }

    /// The summaries the charts draw: the earlier periods' headlines, oldest first, then `current` whole.
    public static func periods(_ earlier: [(Period, LoadRecord)], current: PeriodSummary) -> [PeriodSummary] {
        earlier.compactMap { period, record in record.headline.map { summary($0, period: period) } } + [current]
    }
}
