import StatGuardCore
import Foundation
import StatGuardSummaries

/// Renders `summary.md`, the monthly bulletin leaders read: Chinese headings with
/// units, 亿元 for the area, 万元 for breakdowns, growth in % with one decimal,
/// one table per breakdown sorted by output.
public enum SummaryMarkdown {
    /// Which data the summary adds up: the reports file it was loaded from and, when the load
    /// resubmitted the period, how many figures it revised against the previous load (each is
    /// on record in the store's revision log).
    public struct DataVersion: Sendable, Equatable {
        /// SHA-256 of the reports file.
        public var reportsSHA256: String
        public var revisedFigures: Int
        public var revisedEnterprises: Int

        public init(reportsSHA256: String, revisedFigures: Int, revisedEnterprises: Int) {
            self.reportsSHA256 = reportsSHA256
            self.revisedFigures = revisedFigures
            self.revisedEnterprises = revisedEnterprises
        }
    }

    /// - Parameters:
    ///   - openErrors: error-severity findings about loaded rows not yet settled, by rule: figures in
    ///     the totals that must be corrected before they count (a unit error can swamp a county).
    ///   - version: the data version the summary states.
    ///   - lead: the open error findings for the opening paragraph (``SummaryLead``); nil leaves it out.
    public static func render(
        _ summary: PeriodSummary, pipeline: String, openErrors: [(rule: String, count: Int)] = [], version: DataVersion? = nil,
        lead: SummaryLead.OpenErrors? = nil
    ) -> String {
        var md = "# 规模以上工业主要指标 Industrial summary — \(MarkdownText.escape(pipeline)) \(summary.monthLabel)\n\n"
        if let lead { md += SummaryLead.paragraph(summary, openErrors: lead) }
        if let version {
            md += "数据版本 Data version: reports file SHA-256 `\(version.reportsSHA256.prefix(16))`"
            if version.revisedFigures > 0 {
                md += "; 本次重报更正\(version.revisedFigures)项数据，涉及\(version.revisedEnterprises)家企业，已记录在案 "
                md += "(this load revised \(version.revisedFigures) figures of \(version.revisedEnterprises) enterprises against the previous load; all on record)"
            }
            md += ".\n\n"
        }
        if !openErrors.isEmpty {
            let list = openErrors.map { "\(MarkdownText.escape($0.rule)) \($0.count)条" }.joined(separator: "，")
            let total = openErrors.reduce(0) { $0 + $1.count }
            md += "> **注意**：本期有\(total)条error级审核发现仍待核实或尚未更正（\(list)），下列合计包含这些数据，更正前请勿发布；详见 alerts.md。\n"
            md += "> **Note**: \(total) error-level findings are still open or not yet corrected and their figures are in these totals; do not publish before they are settled (see alerts.md).\n\n"
        }
        md += "本月 = \(summary.monthLabel)，本年累计 = \(summary.cumulativeLabel)。同比为同口径（上年同期取企业填报数，缺报时取库内上年实报数）；“按库内数”列为全部取库内上年实报数的同比，两者差距大说明上年基数被压低。\n"
        md += "Growth is on a comparable basis (the enterprises' own 上年同期, else the store's figure a year ago); the store-basis column uses the store only, and a gap between them is a lowered base.\n\n"
        md += headline(summary)
        for breakdown in Breakdown.allCases where breakdown != .area {
            md += breakdownTable(summary, breakdown)
        }
        md += capacityTable(summary)
        return md
    }

    private static func headline(_ summary: PeriodSummary) -> String {
        guard let month = summary.rows.first(where: { $0.view == .month && $0.breakdown == .area }),
              let ytd = summary.rows.first(where: { $0.view == .ytd && $0.breakdown == .area })
        else { return "" }
        var md = "## 主要指标 Headline figures\n\n"
        md += "| 指标 indicator | 本月 month | 同比 growth | 按库内数 store basis | 本年累计 year to date | 同比 growth |\n"
        md += "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        md += "| 企业数（家） enterprises | \(month.enterprises) | | | \(ytd.enterprises) | |\n"
        let yi: [(Measure, String)] = [(.grossOutput, "工业总产值（亿元）"), (.salesOutput, "工业销售产值（亿元）"),
                                        (.exportDelivery, "出口交货值（亿元）"), (.revenue, "营业收入（亿元）"), (.profit, "利润总额（亿元）")]
        for (measure, title) in yi {
            let m = month[measure], y = ytd[measure]
            md += "| \(title) | \(NumberText.yiYuan(m.total)) | \(NumberText.percent(m.growth)) | \(NumberText.percent(m.storeGrowth)) | \(NumberText.yiYuan(y.total)) | \(NumberText.percent(y.growth)) |\n"
        }
        let physical: [(Measure, String)] = [(.electricity, "工业用电量（万千瓦时）"), (.energy, "综合能源消费量（吨标准煤）"), (.employees, "从业人员（人）")]
        for (measure, title) in physical {
            let m = month[measure]
            md += "| \(title) | \(NumberText.grouped(m.total)) | \(NumberText.percent(m.growth)) | \(NumberText.percent(m.storeGrowth)) | | |\n"
        }
        md += "| 产销率 sales ratio | \(NumberText.percent(month.salesRatio, signed: false)) | | | \(NumberText.percent(ytd.salesRatio, signed: false)) | |\n"
        md += "| 亏损企业数（家） / 亏损面 loss-making | | | | \(ytd.lossMaking.map(String.init) ?? "—") / \(NumberText.percent(ytd.lossShare, signed: false)) | |\n"
        md += "| 报送率 reporting rate | \(NumberText.percent(month.reportingRate, signed: false)) (\(month.reportingReported ?? 0)/\(month.reportingDue ?? 0)) | | | | |\n\n"
        return md
    }

    private static func breakdownTable(_ summary: PeriodSummary, _ breakdown: Breakdown) -> String {
        let months = summary.rows.filter { $0.view == .month && $0.breakdown == breakdown }
        guard !months.isEmpty else { return "" }
        let ytd = Dictionary(summary.rows.filter { $0.view == .ytd && $0.breakdown == breakdown }.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let showRate = breakdown == .county || breakdown == .town
        var md = "## \(breakdown.title) By \(breakdown.rawValue)\n\n"
        md += "| 名称 name | 企业数 | 本月产值（万元） | 同比 | 拉动（百分点） | 占比 | 累计产值（万元） | 累计同比 | 产销率 | 亏损面 |\(showRate ? " 报送率 |" : "")\n"
        md += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\(showRate ? " ---: |" : "")\n"
        for row in months {
            let output = row[.grossOutput]
            let y = ytd[row.code]
            md += "| \(MarkdownText.escape(row.name)) | \(row.enterprises) | \(NumberText.wanYuan(output.total)) | \(NumberText.percent(output.growth)) | "
            md += "\(NumberText.points(output.contribution)) | \(NumberText.percent(output.share, signed: false)) | \(NumberText.wanYuan(y?[.grossOutput].total)) | "
            md += "\(NumberText.percent(y?[.grossOutput].growth)) | \(NumberText.percent(row.salesRatio, signed: false)) | \(NumberText.percent(y?.lossShare, signed: false)) |"
            md += showRate ? " \(NumberText.percent(row.reportingRate, signed: false)) |\n" : "\n"
        }
        return md + "\n"
    }

    private static func capacityTable(_ summary: PeriodSummary) -> String {
        guard !summary.products.isEmpty else { return "" }
        var md = "## 产能利用率 Capacity use by product\n\n"
        md += "| 产品 product | 单位 | 企业数 | 本月产量 | 产能利用率 | 累计产量 | 累计产能利用率 |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n"
        for p in summary.products {
            md += "| \(MarkdownText.escape(p.productCode)) \(MarkdownText.escape(p.productName)) | \(MarkdownText.escape(p.unit)) | \(p.enterprises) | \(NumberText.grouped(p.output)) | "
            md += "\(NumberText.percent(p.utilisation, signed: false)) | \(NumberText.grouped(p.outputYTD)) | \(NumberText.percent(p.utilisationYTD, signed: false)) |\n"
        }
        return md + "\n"
    }
}
