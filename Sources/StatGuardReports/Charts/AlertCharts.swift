import StatGuardCharts
import StatGuardCore

/// The chart of `alerts.md`: open findings by town, most first, so the towns
/// with the most verification work stand out.
public enum AlertCharts {
    public static let byTownFile = "alerts-by-town.svg"

    /// The chart file. Pass the findings that are open (until the workflow has
    /// statuses, all of them). Findings about an enterprise or a town-level
    /// region count in their town (first nine digits); others are not drawn.
    /// - Parameter townNames: names by 9-digit town code, shown instead of the code when known.
    public static func files(
        _ findings: [Finding], periodLabel: String, townNames: [String: String] = [:], maxTowns: Int = 30
    ) -> [ChartFile] {
        let chart = byTownChart(findings, periodLabel: periodLabel, townNames: townNames, maxTowns: maxTowns)
        return [ChartFile(name: byTownFile, chart: chart, title: chart.title)]
    }

    static func byTownChart(_ findings: [Finding], periodLabel: String, townNames: [String: String], maxTowns: Int) -> BarChart {
        var counts: [String: Int] = [:]
        var outside = 0
        for finding in findings {
            let prefix = finding.regionCode.prefix(9)
            if prefix.count == 9, prefix.allSatisfy({ $0.isASCII && $0.isNumber }) {
                counts[String(prefix), default: 0] += 1
            } else {
                outside += 1
            }
        }
        let towns = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var note = "共\(findings.count)条，按乡镇（街道）统计 (\(findings.count) in all)。"
        if outside > 0 { note += "另有\(outside)条不属于任何乡镇（文件、区县或行业级），未画出。" }
        return BarChart(
            title: "待核实预警（按乡镇，\(periodLabel)） Open alerts by town", unit: "条",
            bars: towns.map { BarChart.Bar(label: townNames[$0.key].map { "\($0)" } ?? $0.key, value: Double($0.value)) },
            domain: 0...5, integral: true, valueFormat: .count, note: note, maxBars: maxTowns)  // a few alerts stay short bars
    }
}
