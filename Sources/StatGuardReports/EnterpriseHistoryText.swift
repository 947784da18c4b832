import StatGuardCore

/// The plain-text view `statguard history` prints: an enterprise's series and findings.
public enum EnterpriseHistoryText {
    static let columns: [(field: String, title: String)] = [
        ("gross_output", "总产值"), ("gross_output_ytd", "总产值累计"), ("gross_output_ly", "上年同期"),
        ("sales_output", "销售产值"), ("export_delivery", "出口"), ("revenue_ytd", "营收累计"),
        ("profit_ytd", "利润累计"), ("electricity", "用电"), ("employees", "人数"),
    ]

    public static func render(_ series: EnterpriseSeries, _ renderer: FindingRenderer) -> String {
        var lines: [String] = []
        guard let latest = series.reports.last else {
            return "\(series.creditCode): no report stored for this enterprise\n" + findings(series, renderer)
        }
        lines.append("\(series.creditCode) \(latest.name)  region \(latest.regionCode)  industry \(latest.industryCode)")
        lines.append("Reports (money in 千元, electricity in 万千瓦时):")
        lines.append(pad("period", 8) + columns.map { pad($0.field, 16) }.joined())
        for row in series.reports {
            let values = Dictionary(row.figures, uniquingKeysWith: { a, _ in a })
            lines.append(pad(row.period.description, 8) + columns.map { pad(format(values[$0.field] ?? .nan), 16) }.joined())
        }
        if !series.admin.isEmpty {
            lines.append("Admin data (grid electricity 万千瓦时, invoiced sales 千元):")
            for row in series.admin {
                lines.append(pad(row.period.description, 8) + pad(format(row.gridElectricity), 16) + pad(format(row.invoicedSales), 16))
            }
        }
        return lines.joined(separator: "\n") + "\n" + findings(series, renderer)
    }

    private static func findings(_ series: EnterpriseSeries, _ renderer: FindingRenderer) -> String {
        guard !series.findings.isEmpty else { return "Findings: none stored.\n" }
        var text = "Findings:\n"
        for f in series.findings {
            text += "  \(f.period) \(f.ruleID) \(f.severity) score \(AlertsCSV.formatScore(f.score)): \(renderer.message(f, .zh))\n"
        }
        return text
    }

    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), let whole = value.exactInt64 { return String(whole) }
        return String(format: "%.1f", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
