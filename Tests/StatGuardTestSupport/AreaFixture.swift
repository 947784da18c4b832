import StatGuardCore

/// One enterprise of ``AreaFixture``: who it is and how much it makes.
public struct AreaEnterprise: Sendable, Equatable {
    /// The number its credit code is made from (``TestCodes/valid(_:)``).
    public var number: Int
    public var name: String
    /// 12-digit 统计用区划代码.
    public var region: String
    /// 4-digit GB/T 4754-2017 class.
    public var industry: String
    /// 所属园区, blank for none.
    public var park: String
    /// Gross output of one month, in 千元 (a multiple of 100, so every derived figure is a whole number).
    public var output: Int

    public init(number: Int, name: String, region: String, industry: String, park: String, output: Int) {
        self.number = number
        self.name = name
        self.region = region
        self.industry = industry
        self.park = park
        self.output = output
    }

    /// The enterprise's valid 统一社会信用代码.
    public var code: String { TestCodes.valid(number) }

    /// The same enterprise with another number (and so another credit code).
    public func renumbered(_ number: Int, name: String? = nil) -> AreaEnterprise {
        var copy = self
        copy.number = number
        if let name { copy.name = name }
        return copy
    }
}

/// A small area for store, job and summary fixtures: five enterprises in two
/// counties (510402 and 510403) and three towns, in real GB/T 4754-2017 classes,
/// with report and register files built from a handful of numbers.
///
/// Figures follow the 1-2月 calendar: an enterprise making `output` a month
/// reports `2 × output` for `YYYY-02` and `output` for later months, with 本年累计
/// `output × month`; sales are 97 %, export 10 %, revenue 105 % of output, the
/// 上年同期 figures 90 % of this year's. The last enterprise makes a loss.
public enum AreaFixture {
    public static let enterprises: [AreaEnterprise] = [
        AreaEnterprise(number: 1, name: "攀枝花焦化有限公司", region: "510402001001", industry: "2521", park: "钒钛产业园", output: 12_000),
        AreaEnterprise(number: 2, name: "攀枝花炼铁有限公司", region: "510402001002", industry: "3110", park: "钒钛产业园", output: 30_000),
        AreaEnterprise(number: 3, name: "宝鼎煤业有限公司", region: "510402002003", industry: "0610", park: "", output: 8_000),
        AreaEnterprise(number: 4, name: "金江制药有限公司", region: "510403100001", industry: "2710", park: "高新区", output: 5_000),
        AreaEnterprise(number: 5, name: "仁和印染有限公司", region: "510403100002", industry: "1713", park: "", output: 2_000),
    ]

    /// The report row of `enterprise` for `period`, by contract field name.
    ///
    /// - Parameter scale: multiplies every figure (to tell periods apart).
    public static func reportFields(_ enterprise: AreaEnterprise, period: Period, scale: Int = 1) -> [String: String] {
        let perMonth = enterprise.output * scale
        let month = period.month == 2 ? 2 * perMonth : perMonth
        let ytd = perMonth * period.month
        let profit = enterprise.number == enterprises.last!.number ? -ytd / 20 : ytd / 20
        return [
            "credit_code": enterprise.code, "name": enterprise.name, "region_code": enterprise.region,
            "industry_code": enterprise.industry, "period": period.description,
            "gross_output": "\(month)", "gross_output_ytd": "\(ytd)",
            "gross_output_ly": "\(month * 9 / 10)", "gross_output_ytd_ly": "\(ytd * 9 / 10)",
            "sales_output": "\(month * 97 / 100)", "sales_output_ytd": "\(ytd * 97 / 100)",
            "export_delivery": "\(month / 10)", "revenue_ytd": "\(ytd * 105 / 100)", "profit_ytd": "\(profit)",
            "electricity": "\(month / 40)", "energy": "\(month / 10)", "employees": "\(enterprise.output / 50)",
            "park": enterprise.park,
        ]
    }

    /// A reports file for `period`: one row per enterprise, `overrides` applied by
    /// enterprise number, then `extraRows` (full rows by field name) appended.
    public static func reportsText(
        period: Period, enterprises: [AreaEnterprise] = enterprises, scale: Int = 1,
        overrides: [Int: [String: String]] = [:], extraRows: [[String: String]] = []
    ) -> String {
        let csv = ContractCSV.reports
        var rows = enterprises.map { enterprise in
            csv.row(reportFields(enterprise, period: period, scale: scale).merging(overrides[enterprise.number] ?? [:]) { $1 })
        }
        rows += extraRows.map { csv.row($0) }
        return csv.text(rows)
    }

    /// The register row of `enterprise`, by contract field name: operating, 规上, in since 2020-01.
    public static func registerFields(_ enterprise: AreaEnterprise) -> [String: String] {
        [
            "credit_code": enterprise.code, "name": enterprise.name, "region_code": enterprise.region,
            "industry_code": enterprise.industry, "above_scale": "1", "status": "1", "entered": "2020-01",
            "exited": "", "park": enterprise.park,
        ]
    }

    /// A register file of `enterprises`, `overrides` applied by enterprise number.
    public static func registerText(
        _ enterprises: [AreaEnterprise] = enterprises, overrides: [Int: [String: String]] = [:]
    ) -> String {
        let csv = ContractCSV.register
        return csv.text(enterprises.map { csv.row(registerFields($0).merging(overrides[$0.number] ?? [:]) { $1 }) })
    }
}
