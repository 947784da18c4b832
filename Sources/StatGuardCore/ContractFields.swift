/// 企业月报 `reports_YYYYMM.csv` (contract 2.1). Money in 千元.
public enum ReportField: Int, ContractField {
    case creditCode, name, regionCode, industryCode, period
    case grossOutput, grossOutputYTD, grossOutputLastYear, grossOutputYTDLastYear
    case salesOutput, salesOutputYTD, exportDelivery, revenueYTD, profitYTD
    case electricity, energy, employees, park, explanation

    public var spec: FieldSpec {
        switch self {
        case .creditCode: FieldSpec("credit_code", "统一社会信用代码", .creditCode, required: true)
        case .name: FieldSpec("name", "单位详细名称", .text, required: true)
        case .regionCode: FieldSpec("region_code", "行政区划代码", .regionCode, required: true)
        case .industryCode: FieldSpec("industry_code", "行业代码", .industryCode, required: true)
        case .period: FieldSpec("period", "报告期", .period, required: true)
        case .grossOutput: FieldSpec("gross_output", "工业总产值(当年价格)本月", .decimal(allowsNegative: false), required: true)
        case .grossOutputYTD: FieldSpec("gross_output_ytd", "工业总产值(当年价格)本年累计", .decimal(allowsNegative: false), required: true)
        case .grossOutputLastYear: FieldSpec("gross_output_ly", "工业总产值上年同期", .decimal(allowsNegative: false), required: false)
        case .grossOutputYTDLastYear: FieldSpec("gross_output_ytd_ly", "工业总产值上年同期累计", .decimal(allowsNegative: false), required: false)
        case .salesOutput: FieldSpec("sales_output", "工业销售产值本月", .decimal(allowsNegative: false), required: true)
        case .salesOutputYTD: FieldSpec("sales_output_ytd", "工业销售产值本年累计", .decimal(allowsNegative: false), required: true)
        case .exportDelivery: FieldSpec("export_delivery", "出口交货值本月", .decimal(allowsNegative: false), required: false)
        case .revenueYTD: FieldSpec("revenue_ytd", "营业收入本年累计", .decimal(allowsNegative: false), required: true)
        case .profitYTD: FieldSpec("profit_ytd", "利润总额本年累计", .decimal(allowsNegative: true), required: true)
        case .electricity: FieldSpec("electricity", "工业用电量本月", .decimal(allowsNegative: false), required: true)
        case .energy: FieldSpec("energy", "综合能源消费量本月", .decimal(allowsNegative: false), required: false)
        case .employees: FieldSpec("employees", "从业人员期末人数", .count, required: true)
        case .park: FieldSpec("park", "所属园区", .text, required: false)
        case .explanation: FieldSpec("explanation", "填报说明", .text, required: false)
        }
    }
}

/// 主要产品产量 `products_YYYYMM.csv` (contract 2.2).
public enum ProductField: Int, ContractField {
    case creditCode, period, productCode, productName, unit, output, outputYTD

    public var spec: FieldSpec {
        switch self {
        case .creditCode: FieldSpec("credit_code", "统一社会信用代码", .creditCode, required: true)
        case .period: FieldSpec("period", "报告期", .period, required: true)
        case .productCode: FieldSpec("product_code", "产品代码", .text, required: true)
        case .productName: FieldSpec("product_name", "产品名称", .text, required: true)
        case .unit: FieldSpec("unit", "计量单位", .text, required: true)
        case .output: FieldSpec("output", "本月产量", .decimal(allowsNegative: false), required: true)
        case .outputYTD: FieldSpec("output_ytd", "本年累计产量", .decimal(allowsNegative: false), required: true)
        }
    }
}

/// 名录库 `register.csv` (contract 2.3).
public enum RegisterField: Int, ContractField {
    case creditCode, name, regionCode, industryCode, aboveScale, status, entered, exited, park

    public var spec: FieldSpec {
        switch self {
        case .creditCode: FieldSpec("credit_code", "统一社会信用代码", .creditCode, required: true)
        case .name: FieldSpec("name", "单位详细名称", .text, required: true)
        case .regionCode: FieldSpec("region_code", "行政区划代码", .regionCode, required: true)
        case .industryCode: FieldSpec("industry_code", "行业代码", .industryCode, required: true)
        case .aboveScale: FieldSpec("above_scale", "规模标志", .code(allowed: 0...1), required: true)
        case .status: FieldSpec("status", "运营状态", .code(allowed: 1...4), required: true)
        case .entered: FieldSpec("entered", "入库年月", .period, required: true)
        case .exited: FieldSpec("exited", "出库年月", .period, required: false)
        case .park: FieldSpec("park", "所属园区", .text, required: false)
        }
    }
}

/// 产能 `capacity.csv` (contract 2.4).
public enum CapacityField: Int, ContractField {
    case creditCode, productCode, productName, unit, annualCapacity

    public var spec: FieldSpec {
        switch self {
        case .creditCode: FieldSpec("credit_code", "统一社会信用代码", .creditCode, required: true)
        case .productCode: FieldSpec("product_code", "产品代码", .text, required: true)
        case .productName: FieldSpec("product_name", "产品名称", .text, required: true)
        case .unit: FieldSpec("unit", "计量单位", .text, required: true)
        case .annualCapacity: FieldSpec("annual_capacity", "设计年产能", .decimal(allowsNegative: false), required: true)
        }
    }
}

/// 部门共享数据 `admin_YYYYMM.csv` (contract 2.5): grid electricity and VAT invoices.
public enum AdminField: Int, ContractField {
    case creditCode, name, regionCode, industryCode, period, gridElectricity, invoicedSales

    public var spec: FieldSpec {
        switch self {
        case .creditCode: FieldSpec("credit_code", "统一社会信用代码", .creditCode, required: true)
        case .name: FieldSpec("name", "单位详细名称", .text, required: true)
        case .regionCode: FieldSpec("region_code", "行政区划代码", .regionCode, required: true)
        case .industryCode: FieldSpec("industry_code", "行业代码", .industryCode, required: true)
        case .period: FieldSpec("period", "报告期", .period, required: true)
        case .gridElectricity: FieldSpec("grid_electricity", "电网售电量", .decimal(allowsNegative: false), required: true)
        case .invoicedSales: FieldSpec("invoiced_sales", "增值税开票销售额", .decimal(allowsNegative: false), required: true)
        }
    }
}
