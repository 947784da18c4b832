import StatGuardConfig
import StatGuardCore
import StatGuardJob
import StatGuardStore
import StatGuardSummaries

/// A period's summary over the part of the area a user may see: built from the stored
/// tables cut to the user's region, so a town user's 全部 row is its town, and no county,
/// industry, chain or park row counts another town's enterprises.
struct ScopedSummary: Sendable {
    var summary: PeriodSummary
    var reportingRate: ReportingRate

    /// The area row (本月) of the summary.
    var area: SummaryRow? { summary.rows.first { $0.view == .month && $0.breakdown == .area } }

    static func build(pipeline: PipelineDefinition, store: Store, period: Period, region: RegionFilter) throws(StoreError) -> ScopedSummary? {
        guard let allReports = try store.table(.reports, period: period), let allRegister = try store.register(asOf: period) else {
            return nil
        }
        let reports = region.rows(of: allReports), register = region.rows(of: allRegister)
        let codes = CreditCodeIndex(register.creditCodes + reports.creditCodes)
        let priorYear = try store.table(.reports, period: pipeline.calendar.sameTimeLastYear(period)).map { region.rows(of: $0) }
        let products = try store.table(.products, period: period).map { region.rows(of: $0, codes: codes) }
        let capacity = try store.table(.capacity, period: period).map { region.rows(of: $0, codes: codes) }
        let input = pipeline.summaryInput(
            period: period, reports: reports, priorYear: priorYear, register: register, products: products, capacity: capacity,
            regions: try store.regionNames(of: period))
        return ScopedSummary(
            summary: SummaryBuilder.build(input), reportingRate: ReportingRate(register: register, reports: reports, period: period))
    }
}
