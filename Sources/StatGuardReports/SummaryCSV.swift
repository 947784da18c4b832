import StatGuardCore
import StatGuardSummaries

/// Renders `summary.csv` (data contract 3.3): one stable column set that other tools read.
///
/// One row per view (`month` 本月, `ytd` 本年累计), breakdown and group, then one
/// `product` row per product for 产能利用率. Amounts are in the contract's units
/// (千元, 万千瓦时, 吨标准煤, 人) with one decimal; growth, share and rates are in
/// percent and contributions in percentage points, with two decimals. Blank
/// means not applicable (e.g. electricity in the 本年累计 view) or not computable.
public enum SummaryCSV {
    public static var header: [String] {
        ["period", "view", "view_label", "breakdown", "group_code", "group_name", "enterprises"]
            + Measure.allCases.flatMap { m in
                [m.name, "\(m.name)_growth_pct", "\(m.name)_growth_store_pct", "\(m.name)_contribution_pp", "\(m.name)_share_pct"]
            }
            + ["sales_ratio_pct", "loss_making", "loss_share_pct", "reporting_due", "reporting_reported", "reporting_rate_pct",
               "product_unit", "product_output", "product_capacity", "capacity_utilisation_pct"]
    }

    public static func render(_ summary: PeriodSummary) -> [UInt8] {
        var csv = SpreadsheetCSV(header: header)
        let width = header.count
        for row in summary.rows {
            var cells = [
                summary.period.description, row.view.rawValue, row.view == .month ? summary.monthLabel : summary.cumulativeLabel,
                row.breakdown.rawValue, row.code, row.name, String(row.enterprises),
            ]
            for measure in Measure.allCases {
                let f = row[measure]
                cells += [amount(f.total), percent(f.growth), percent(f.storeGrowth), fixed(f.contribution), percent(f.share)]
            }
            cells += [percent(row.salesRatio), row.lossMaking.map(String.init) ?? "", percent(row.lossShare),
                      row.reportingDue.map(String.init) ?? "", row.reportingReported.map(String.init) ?? "", percent(row.reportingRate)]
            cells += Array(repeating: "", count: width - cells.count)
            csv.append(cells)
        }
        for product in summary.products {
            for view in [("month", summary.monthLabel, product.output, product.capacityForPeriod, product.utilisation),
                         ("ytd", summary.cumulativeLabel, product.outputYTD, product.capacityForYTD, product.utilisationYTD)] {
                var cells = [summary.period.description, view.0, view.1, "product", product.productCode, product.productName,
                             String(product.enterprises)]
                cells += Array(repeating: "", count: width - cells.count - 4)
                cells += [product.unit, amount(view.2), amount(view.3), percent(view.4)]
                csv.append(cells)
            }
        }
        return csv.bytes
    }

    static func amount(_ value: Double?) -> String { value.map { DecimalText.fixed($0, decimals: 1) } ?? "" }
    static func percent(_ value: Double?) -> String { value.map { DecimalText.fixed($0 * 100, decimals: 2) } ?? "" }
    static func fixed(_ value: Double?) -> String { value.map { DecimalText.fixed($0, decimals: 2) } ?? "" }
}
