import StatGuardCore
import StatGuardWorkbook

/// Renders `alerts.xlsx`, the alert list a statistician works through in Excel:
/// sheet `预警 alerts` with every finding by score (the columns of alerts.csv),
/// then one sheet per county (the first six digits of the region code) with
/// that county's findings, so each county's team can take its own sheet.
///
/// Every sheet ends with the empty columns the statistician fills in: `status`
/// (a drop-down of the workflow's statuses), `reason` and `by`. Header row and
/// the columns up to `name` are frozen; an autofilter covers the data. Text from
/// input is written as string cells, so `=…` in a name stays text.
public enum AlertsWorkbook {
    /// The workflow statuses offered in the `status` drop-down (data contract 3.1).
    public static let statuses = ["open", "in_review", "confirmed", "explained", "false_alarm", "corrected"]
    /// The first sheet's name.
    public static let allSheetName = "预警 alerts"
    /// alerts.csv's columns, then the statistician's.
    public static var header: [String] { AlertsCSV.header + ["status", "reason", "by"] }
    /// The sheet name for findings with no county (file-scope findings, short region codes).
    public static let otherSheetName = "其他 other"

    /// The workbook's bytes.
    /// - Parameters:
    ///   - countyNames: names by 6-digit county code, shown in the county sheets' names when known.
    ///   - period: dates the document (its first day), so the bytes depend on the input only.
    public static func render(
        _ findings: [Finding], _ renderer: FindingRenderer, pipeline: String, period: Period, periodLabel: String,
        countyNames: [String: String] = [:]
    ) throws -> [UInt8] {
        try workbook(findings, renderer, pipeline: pipeline, period: period, periodLabel: periodLabel, countyNames: countyNames).xlsx()
    }

    /// The workbook as a value (for tests and the web workbench's download).
    public static func workbook(
        _ findings: [Finding], _ renderer: FindingRenderer, pipeline: String, period: Period, periodLabel: String,
        countyNames: [String: String] = [:]
    ) -> Workbook {
        // Each finding's row is made once: the all-findings sheet and its county's sheet share it.
        let rows = AlertsCSV.ranked(findings).map { (countyCode(of: $0), row($0, renderer)) }
        var taken: Set<String> = []
        var sheets = [sheet(SheetName.make(allSheetName, taken: &taken), rows.map(\.1))]
        let byCounty = Dictionary(grouping: rows, by: \.0)
        for code in byCounty.keys.sorted(by: { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }) {
            let label = code.isEmpty ? otherSheetName : countyNames[code].map { "\(code) \($0)" } ?? code
            sheets.append(sheet(SheetName.make(label, taken: &taken), byCounty[code]!.map(\.1)))
        }
        let properties = DocumentProperties(
            title: "审核预警 Alerts — \(pipeline) \(periodLabel)", subject: "StatGuard alerts \(period)",
            comments: "status: \(statuses.joined(separator: ", "))", created: PeriodDate.firstDay(period))
        return Workbook(sheets: sheets, properties: properties)
    }

    /// The county a finding belongs to: the first six digits of its region code, or "" when it has none.
    static func countyCode(of finding: Finding) -> String {
        let prefix = finding.regionCode.prefix(6)
        return prefix.count == 6 && prefix.allSatisfy(\.isASCII) && prefix.allSatisfy(\.isNumber) ? String(prefix) : ""
    }

    private static func sheet(_ name: String, _ rows: [[Cell]]) -> Sheet {
        var columns = header.map { Column($0) }
        // The statistician's columns are empty: wide enough to type into, status wide enough for `false_alarm`.
        columns[columns.count - 3] = Column("status", width: 14, choices: statuses)
        columns[columns.count - 2].width = 30
        columns[columns.count - 1].width = 10
        return Sheet(name: name, columns: columns, rows: rows, frozenColumns: 4)
    }

    /// A finding's cells: alerts.csv's columns, then the statistician's empty ones.
    private static func row(_ f: Finding, _ renderer: FindingRenderer) -> [Cell] {
        [
            .text(f.period.description), .text(f.scope.rawValue), .optionalText(f.creditCode?.description), .text(renderer.subject(f)),
            .text(f.regionCode), .text(f.industryCode), .text(f.ruleID.rawValue), .text(f.category.rawValue),
            .text(f.severity.rawValue), .figure(f.score, .score), .text(f.indicator), .text(renderer.observed(f)),
            .text(renderer.expected(f)), .text(renderer.message(f, .zh)), .text(renderer.message(f, .en)), .empty, .empty, .empty,
        ]
    }
}
