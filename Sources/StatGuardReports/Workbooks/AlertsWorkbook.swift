import StatGuardCore
import StatGuardWorkbook

/// Renders `alerts.xlsx`, the alert list a statistician works through in Excel:
/// sheet `预警 alerts` with the highest-scoring findings (at most ``topFindings``, the
/// columns of alerts.csv), then one sheet per county (the first six digits of the region
/// code) with every one of that county's findings, so each county's team can take its own
/// sheet. A workbook of more counties than ``RegionSheets/maximum`` (a national month) has
/// one sheet per city, or per province, instead. alerts.csv holds every finding in one list.
///
/// Every row carries its key and its status (alerts.csv's workflow columns); `status` is a
/// drop-down of the workflow's statuses holding the key's current one, and the sheet ends
/// with the empty columns the statistician fills in beside it: `reason` and `by`. Header row and
/// the columns up to `name` are frozen; an autofilter covers the data. Text from
/// input is written as string cells, so `=…` in a name stays text.
public enum AlertsWorkbook {
    /// The workflow statuses offered in the `status` drop-down (data contract 3.1).
    public static let statuses = TriageStatus.allCases.map(\.rawValue)
    /// The first sheet's name.
    public static let allSheetName = "预警 alerts"
    /// The most findings the first sheet lists: a county's month fits whole, while a national
    /// month's first sheet stays a list to work from the top of. Every finding is still in its
    /// region's sheet; listing a national month's 49,000 findings twice made the workbook twice
    /// the size, slower to open in Excel and the slowest of the month's reports to write.
    public static let topFindings = 1_000
    /// alerts.csv's columns, then the statistician's.
    public static var header: [String] { AlertsCSV.header + ["reason", "by"] }
    /// The sheet name for findings with no county (file-scope findings, short region codes).
    public static let otherSheetName = "其他 other"

    /// The workbook's bytes.
    /// - Parameters:
    ///   - statuses: the statuses of the period's keys (a finding whose key has none is open).
    ///   - countyNames: names by 6-digit code (county `511722`, city `511700`, province `510000`), shown in
    ///     the regional sheets' names when known.
    ///   - period: dates the document (its first day), so the bytes depend on the input only.
    public static func render(
        _ findings: [Finding], _ renderer: FindingRenderer, pipeline: String, period: Period, periodLabel: String,
        statuses keyStatuses: AlertStatuses = [:], countyNames: [String: String] = [:]
    ) throws -> [UInt8] {
        try render(
            RankedFindings(findings, renderer), pipeline: pipeline, period: period, periodLabel: periodLabel, statuses: keyStatuses,
            countyNames: countyNames)
    }

    /// The workbook's bytes from the ranked findings with the texts they were given.
    public static func render(
        _ ranked: RankedFindings, pipeline: String, period: Period, periodLabel: String, statuses keyStatuses: AlertStatuses = [:],
        countyNames: [String: String] = [:]
    ) throws -> [UInt8] {
        try workbook(ranked, pipeline: pipeline, period: period, periodLabel: periodLabel, statuses: keyStatuses, countyNames: countyNames)
            .xlsx()
    }

    /// The workbook as a value (for tests and the web workbench's download).
    public static func workbook(
        _ findings: [Finding], _ renderer: FindingRenderer, pipeline: String, period: Period, periodLabel: String,
        statuses keyStatuses: AlertStatuses = [:], countyNames: [String: String] = [:]
    ) -> Workbook {
        workbook(
            RankedFindings(findings, renderer), pipeline: pipeline, period: period, periodLabel: periodLabel, statuses: keyStatuses,
            countyNames: countyNames)
    }

    /// The workbook as a value, from the ranked findings with the texts they were given.
    static func workbook(
        _ ranked: RankedFindings, pipeline: String, period: Period, periodLabel: String, statuses keyStatuses: AlertStatuses = [:],
        countyNames: [String: String] = [:]
    ) -> Workbook {
        // Each finding's row is made once: the all-findings sheet and its region's sheet share it.
        let rows = ranked.findings.indices.map { i in row(ranked.findings[i], ranked.texts[i], ranked.keys[i], keyStatuses) }
        let counties = ranked.findings.map(countyCode(of:))
        let level = RegionSheets.level(for: Set(counties.filter { !$0.isEmpty }))
        let byRegion = Dictionary(grouping: rows.indices) { counties[$0].isEmpty ? "" : level.code(ofCounty: counties[$0]) }
        var taken: Set<String> = []
        var sheets = [sheet(SheetName.make(allSheetName, taken: &taken), Array(rows.prefix(topFindings)))]
        for code in byRegion.keys.sorted(by: { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }) {
            let label = code.isEmpty ? otherSheetName : countyNames[code].map { "\(code) \($0)" } ?? code
            sheets.append(sheet(SheetName.make(label, taken: &taken), byRegion[code]!.map { rows[$0] }))
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

    /// The column of the status drop-down.
    static var statusColumn: Int { header.firstIndex(of: "status")! }

    private static func sheet(_ name: String, _ rows: [[Cell]]) -> Sheet {
        var columns = header.map { Column($0) }
        // The status drop-down wide enough for `false_alarm`; the statistician's columns wide enough to type into.
        columns[statusColumn] = Column("status", width: 14, choices: statuses)
        columns[columns.count - 2].width = 30
        columns[columns.count - 1].width = 10
        return Sheet(name: name, columns: columns, rows: rows, frozenColumns: 4)
    }

    /// A finding's cells: alerts.csv's columns with its key's status, then the statistician's empty ones.
    private static func row(_ f: Finding, _ texts: FindingTexts, _ key: AlertKey, _ keyStatuses: AlertStatuses) -> [Cell] {
        let status = AlertsCSV.status(of: f, key: key, keyStatuses)
        return [
            .text(f.period.description), .text(f.scope.rawValue), .optionalText(f.creditCode?.description), .text(texts.subject),
            .text(f.regionCode), .text(f.industryCode), .text(f.ruleID.rawValue), .text(f.category.rawValue),
            .text(f.severity.rawValue), .figure(f.score, .score), .text(f.indicator), .text(texts.observed),
            .text(texts.expected), .text(texts.messageZh), .text(texts.messageEn),
            .text(status.key.description), .text(status.status.rawValue), .optionalText(status.reason.isEmpty ? nil : status.reason),
            .text(status.firstSeen.description), .figure(Double(status.occurrences), .integer), .empty, .empty,
        ]
    }
}
