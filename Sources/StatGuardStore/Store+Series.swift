import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// Everything stored about one enterprise, oldest period first.
    public func series(of code: CreditCode) throws(StoreError) -> EnterpriseSeries {
        try read { db in
            var series = EnterpriseSeries(creditCode: code)
            let bases = BaseBodies()
            let periods = try String.fetchAll(db, sql: "SELECT DISTINCT period FROM period_table ORDER BY period").compactMap(Period.init)
            for period in periods {
                if let reports = try Self.table(.reports, period: period, fields: nil, db: db, bases: bases),
                   let row = reports.creditCodes.firstIndex(of: code) {
                    let figures = ReportField.allCases.compactMap { field -> (String, Double)? in
                        switch field.spec.type {
                        case .decimal, .count: return (field.spec.name, reports[field][row])
                        default: return nil
                        }
                    }
                    series.reports.append(EnterpriseSeries.ReportRow(
                        period: period, name: reports[text: ReportField.name][row],
                        regionCode: reports.regionCodes[row].description, industryCode: reports.industryCodes[row].description,
                        figures: figures))
                }
                if let admin = try Self.table(.admin, period: period, fields: ["grid_electricity", "invoiced_sales"], db: db, bases: bases),
                   let row = admin.creditCodes.firstIndex(of: code) {
                    series.admin.append(EnterpriseSeries.AdminRow(
                        period: period, gridElectricity: admin[AdminField.gridElectricity][row],
                        invoicedSales: admin[AdminField.invoicedSales][row]))
                }
            }
            // Without the cache: a series reads every period and would only push out the ones the workbench reads.
            let findings = try FindingStorage(db)
            for period in try findings.periods() {
                guard let value = Period(period) else { continue }
                series.findings += Self.byScore(try findings.findings(of: period, creditCode: code.description))
                    .map { $0.finding(period: value) }
            }
            return series
        }
    }
}
