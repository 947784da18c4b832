import Foundation
import StatGuardCore
import StatGuardStore

/// The figures the enterprise page charts (gross output, sales, electricity, the grid meter,
/// invoiced sales) for every loaded period, kept per period as compact columns with a
/// credit-code index, so one enterprise's 25 periods are 25 lookups rather than 25 table reads.
/// A period is read again only when it was reloaded.
final class EnterpriseHistory: @unchecked Sendable {
    /// One period's charted columns.
    struct Slice: Sendable {
        var loadID: Int64
        var reportRows: CreditCodeIndex
        var regions: [RegionCode]
        var grossOutput, salesOutput, electricity: [Float]
        var adminRows: CreditCodeIndex
        var gridElectricity, invoicedSales: [Float]
    }

    /// One enterprise in one period (nil figures where it did not report, or no admin row).
    struct Point: Sendable {
        var period: Period
        var grossOutput, salesOutput, electricity, gridElectricity, invoicedSales: Double?
        var regionCode: RegionCode?
    }

    let store: Store
    private let lock = NSLock()
    private var slices: [Period: Slice] = [:]

    init(store: Store) {
        self.store = store
    }

    /// The enterprise's points over the last `count` loaded periods up to `period`, oldest first.
    func points(of code: CreditCode, through period: Period, count: Int) throws(StoreError) -> [Point] {
        let loads = try store.periodLoads().filter { $0.period <= period }.suffix(count)
        var points: [Point] = []
        for load in loads {
            let slice = try self.slice(load.period, loadID: load.loadID)
            var point = Point(period: load.period)
            // A column a period was stored without reads as missing.
            func value(_ column: [Float], _ row: Int) -> Double? { row >= 0 && row < column.count && !column[row].isNaN ? Double(column[row]) : nil }
            let row = Int(slice.reportRows.row(of: code))
            point.grossOutput = value(slice.grossOutput, row)
            point.salesOutput = value(slice.salesOutput, row)
            point.electricity = value(slice.electricity, row)
            point.regionCode = row >= 0 && row < slice.regions.count ? slice.regions[row] : nil
            let adminRow = Int(slice.adminRows.row(of: code))
            point.gridElectricity = value(slice.gridElectricity, adminRow)
            point.invoicedSales = value(slice.invoicedSales, adminRow)
            points.append(point)
        }
        return points
    }

    /// Reads the charted columns of the last `count` loaded periods up to `period` ahead of the first enterprise page.
    func preload(through period: Period, count: Int) throws(StoreError) {
        for load in try store.periodLoads().filter({ $0.period <= period }).suffix(count) { _ = try slice(load.period, loadID: load.loadID) }
    }

    private func slice(_ period: Period, loadID: Int64) throws(StoreError) -> Slice {
        if let cached = lock.withLock({ slices[period] }), cached.loadID == loadID { return cached }
        let reports = try store.table(.reports, period: period, fields: ["region_code", "gross_output", "sales_output", "electricity"])
        let admin = try store.table(.admin, period: period, fields: ["grid_electricity", "invoiced_sales"])
        func floats(_ table: ColumnTable?, _ field: some ContractField) -> [Float] { table.map { $0[field].map(Float.init) } ?? [] }
        let slice = Slice(
            loadID: loadID, reportRows: CreditCodeIndex(reports?.creditCodes ?? []), regions: reports?.regionCodes ?? [],
            grossOutput: floats(reports, ReportField.grossOutput), salesOutput: floats(reports, ReportField.salesOutput),
            electricity: floats(reports, ReportField.electricity), adminRows: CreditCodeIndex(admin?.creditCodes ?? []),
            gridElectricity: floats(admin, AdminField.gridElectricity), invoicedSales: floats(admin, AdminField.invoicedSales))
        lock.withLock { slices[period] = slice }
        return slice
    }
}
