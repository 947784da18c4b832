import StatGuardCore

/// The names of contract fields as messages show them: `gross_output` is 工业总产值
/// in Chinese and "gross output" in English.
public enum FieldLabels {
    public static let labels: [String: Bilingual] = [
        "gross_output": Bilingual(zh: "工业总产值", en: "gross output"),
        "gross_output_ytd": Bilingual(zh: "工业总产值本年累计", en: "year-to-date gross output"),
        "gross_output_ly": Bilingual(zh: "上年同期工业总产值", en: "last year's gross output"),
        "gross_output_ytd_ly": Bilingual(zh: "上年同期累计工业总产值", en: "last year's year-to-date gross output"),
        "sales_output": Bilingual(zh: "工业销售产值", en: "sales output"),
        "sales_output_ytd": Bilingual(zh: "工业销售产值本年累计", en: "year-to-date sales output"),
        "export_delivery": Bilingual(zh: "出口交货值", en: "export delivery"),
        "revenue_ytd": Bilingual(zh: "营业收入", en: "revenue"),
        "profit_ytd": Bilingual(zh: "利润总额", en: "profit"),
        "electricity": Bilingual(zh: "工业用电量", en: "electricity"),
        "energy": Bilingual(zh: "综合能源消费量", en: "energy"),
        "employees": Bilingual(zh: "从业人员", en: "employees"),
        "grid_electricity": Bilingual(zh: "电网售电量", en: "grid electricity"),
        "invoiced_sales": Bilingual(zh: "增值税开票销售额", en: "invoiced sales"),
    ]

    /// The label of `field` in `language`, the field name itself when it has none.
    public static func label(_ field: String, _ language: FindingRenderer.Language) -> String {
        guard let label = labels[field] else { return field }
        return language == .zh ? label.zh : label.en
    }
}
