import StatGuardCore

/// A figure the summary adds up, with the report fields it comes from in each view.
public enum Measure: Int, CaseIterable, Sendable {
    case grossOutput, salesOutput, exportDelivery, revenue, profit, electricity, energy, employees

    /// The CSV column stem.
    public var name: String {
        switch self {
        case .grossOutput: "gross_output"
        case .salesOutput: "sales_output"
        case .exportDelivery: "export_delivery"
        case .revenue: "revenue"
        case .profit: "profit"
        case .electricity: "electricity"
        case .energy: "energy"
        case .employees: "employees"
        }
    }

    /// The Chinese name with its unit.
    public var title: String {
        switch self {
        case .grossOutput: "工业总产值"
        case .salesOutput: "工业销售产值"
        case .exportDelivery: "出口交货值"
        case .revenue: "营业收入"
        case .profit: "利润总额"
        case .electricity: "工业用电量"
        case .energy: "综合能源消费量"
        case .employees: "从业人员"
        }
    }

    /// The field holding the measure in `view`, or nil when the contract has none
    /// (export, electricity, energy and employees are monthly; revenue and profit are 本年累计 only).
    public func field(_ view: SummaryView) -> ReportField? {
        switch (self, view) {
        case (.grossOutput, .month): .grossOutput
        case (.grossOutput, .ytd): .grossOutputYTD
        case (.salesOutput, .month): .salesOutput
        case (.salesOutput, .ytd): .salesOutputYTD
        case (.exportDelivery, .month): .exportDelivery
        case (.revenue, .ytd): .revenueYTD
        case (.profit, .ytd): .profitYTD
        case (.electricity, .month): .electricity
        case (.energy, .month): .energy
        case (.employees, .month): .employees
        default: nil
        }
    }

    /// The field of the enterprise's own 上年同期 figure in `view`, when the contract has one.
    public func reportedBaseField(_ view: SummaryView) -> ReportField? {
        switch (self, view) {
        case (.grossOutput, .month): .grossOutputLastYear
        case (.grossOutput, .ytd): .grossOutputYTDLastYear
        default: nil
        }
    }
}
