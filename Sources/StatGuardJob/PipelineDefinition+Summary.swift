import StatGuardConfig
import StatGuardCore
import StatGuardSummaries

extension PipelineDefinition {
    /// The summary input of a period from its tables, with this pipeline's calendar, chains and parks:
    /// what the reports and the workbench's summary pages are built from.
    public func summaryInput(
        period: Period, reports: ColumnTable, priorYear: ColumnTable?, register: ColumnTable?,
        products: ColumnTable?, capacity: ColumnTable?, regions: RegionNames
    ) -> SummaryInput {
        var input = SummaryInput(
            period: period, calendar: calendar, reports: reports, priorYear: priorYear, register: register,
            products: products, capacity: capacity, chains: chains.map { ($0.name, $0.prefixes) }, parks: parks)
        input.regionNames = regions
        return input
    }
}
