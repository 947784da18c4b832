import StatGuardCore
import StatGuardSummaries

/// The paragraph `summary.md` opens with, for the leaders who read only that: the area's
/// output and growth, the three largest contributors, the towns reporting least, and the
/// error-level findings still open, with the county their correction would move most.
public enum SummaryLead {
    /// Error-level findings still open, and each county's share in them by score.
    public struct OpenErrors: Sendable {
        public var count: Int
        /// County code → summed score of its open error findings (score ∝ the deviation's weight in the county's totals).
        public var scoreByCounty: [String: Double]

        public init(count: Int, scoreByCounty: [String: Double]) {
            self.count = count
            self.scoreByCounty = scoreByCounty
        }

        /// Open error findings of `findings` (structural ones are quarantined rows, outside the totals).
        public init(_ findings: [Finding]) {
            let open = findings.filter { $0.severity == .error && $0.category != .structure }
            count = open.count
            scoreByCounty = open.reduce(into: [:]) { sums, f in
                guard f.regionCode.count >= 6 else { return }
                sums[String(f.regionCode.prefix(6)), default: 0] += f.score
            }
        }
    }

    /// The paragraph, or nothing when the summary has no area row.
    public static func paragraph(_ summary: PeriodSummary, openErrors: OpenErrors) -> String {
        guard let area = summary.rows.first(where: { $0.view == .month && $0.breakdown == .area }) else { return "" }
        let output = area[.grossOutput]
        var text = "\(summary.monthLabel)，全区规模以上工业总产值\(NumberText.yiYuan(output.total))亿元"
        if let growth = output.growth { text += "，同比\(growth >= 0 ? "增长" : "下降")\(NumberText.percent(abs(growth), signed: false))" }
        if let store = output.storeGrowth, let growth = output.growth, abs(store - growth) >= 0.005 {
            text += "（按库内上年数为\(NumberText.percent(store))，差距说明上年基数可能被压低）"
        }
        text += "。"
        let counties = summary.rows.filter { $0.view == .month && $0.breakdown == .county }
        // The counties that moved the area most in the direction it moved: up when it grew, down when it fell.
        let rising = (output.growth ?? 0) >= 0
        let contributors = counties.compactMap { row in row[.grossOutput].contribution.map { (row, $0) } }
            .filter { rising ? $0.1 > 0 : $0.1 < 0 }
            .sorted { (abs($0.1), $1.0.code) > (abs($1.1), $0.0.code) }.prefix(3)
        if !contributors.isEmpty {
            text += (rising ? "拉动最大的是" : "下拉最多的是") + contributors.map {
                "\(MarkdownText.escape($0.0.name))（\(NumberText.points($0.1))个百分点）"
            }.joined(separator: "、") + "。"
        }
        let towns = summary.rows.filter { $0.view == .month && $0.breakdown == .town && $0.reportingRate != nil }
            .sorted { ($0.reportingRate!, $0.code) < ($1.reportingRate!, $1.code) }
        if let lowest = towns.first, lowest.reportingRate! < 1 {
            text += "报送率最低的乡镇：" + towns.prefix(3).filter { $0.reportingRate! < 1 }.map {
                "\(MarkdownText.escape($0.name))（\(NumberText.percent($0.reportingRate, signed: false))）"
            }.joined(separator: "、") + "。"
        } else if !towns.isEmpty {
            text += "各乡镇均已全部报送。"
        }
        if openErrors.count > 0 {
            text += "尚有\(openErrors.count)条error级审核发现未更正"
            if let (county, _) = openErrors.scoreByCounty.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                let name = counties.first { $0.code == county }?.name ?? county
                text += "，其中对\(MarkdownText.escape(name))合计的影响最大，更正前其增速不宜发布"
            }
            text += "。"
        } else {
            text += "本期没有未更正的error级审核发现。"
        }
        return text + "\n\n"
    }
}
