extension IndustryProfile {
    /// The industry mix of an industrial prefecture in north-east Sichuan: coal and
    /// coal chemicals, natural gas and hydrogen, lithium-potassium and other new
    /// materials, vanadium-titanium steel with mining machinery, pharmaceuticals
    /// (veterinary included), light industry and textiles, and utilities.
    ///
    /// Counties: 0 通川区, 1 达川区, 2 宣汉县, 3 开江县, 4 大竹县, 5 渠县.
    /// Every class is a real GB/T 4754-2017 class (a test checks them against
    /// `IndustryCatalog.standard`); prices and intensities are rounded public orders
    /// of magnitude, not any enterprise's figures.
    public static let sichuan: [IndustryProfile] = [
        // 煤及煤化工
        make(610, 8, ["煤业", "矿业", "煤矿"], 60_000, 1.0, 0.003, 0.02, 800, 0, 0, 0.10, .continuous, -0.02, -0.12,
             [product(610, 1, "原煤", "吨", 0.8, 1)], [2, 5]),
        make(2521, 4, ["焦化", "煤焦化工"], 200_000, 1.0, 0.0015, 0.10, 6_000, 0, 0, 0.03, .continuous, 0.0, -0.10,
             [product(2521, 1, "焦炭", "吨", 2.0, 0.88)], [1, 2]),
        make(2614, 2, ["化工", "煤化工"], 150_000, 0.9, 0.004, 0.60, 4_000, 0.1, 0.05, 0.06, .continuous, 0.03, -0.05,
             [product(2614, 1, "甲醇", "吨", 2.4, 0.9)], [2]),
        make(2621, 1.5, ["化肥", "化工"], 120_000, 0.9, 0.005, 0.50, 3_000, 0, 0, 0.05, .continuous, 0.0, -0.06,
             [product(2621, 1, "尿素", "吨", 2.3, 0.85)], [2]),
        // 天然气、氢能与新能源
        make(2619, 1, ["氢能", "气体"], 40_000, 0.9, 0.06, 0.05, 3_000, 0, 0, 0.04, .continuous, 0.35, -0.05,
             [product(2619, 1, "氢气", "万立方米", 25, 0.9)], [2, 1]),
        make(4511, 2, ["燃气", "天然气"], 60_000, 1.1, 0.0005, 0.01, 5_000, 0, 0, 0.08, .power, 0.05, 0.0,
             [product(4511, 1, "天然气", "万立方米", 25, 0.95)], [2, 0]),
        make(3841, 2, ["新能源", "锂电"], 150_000, 1.3, 0.004, 0.01, 2_500, 0.35, 0.15, 0.05, .general, 0.25, -0.20,
             [product(3841, 1, "锂离子电池", "万只", 150, 0.9)], [1, 2]),
        make(3825, 1, ["光伏", "新能源"], 100_000, 1.2, 0.005, 0.01, 2_500, 0.4, 0.20, 0.03, .general, 0.20, -0.25,
             [product(3825, 1, "太阳能电池", "千瓦", 0.8, 0.9)], [1]),
        make(4416, 1.5, ["新能源", "光伏发电"], 30_000, 0.8, 0.002, 0.0, 12_000, 0, 0, 0.12, .solar, 0.15, -0.03,
             [product(4416, 1, "发电量", "万千瓦时", 3.5, 1)], [2, 3, 5]),
        // 新材料
        make(2613, 1.5, ["锂钾", "盐化"], 80_000, 1.1, 0.008, 0.15, 3_000, 0.1, 0.1, 0.08, .continuous, 0.15, -0.35,
             [product(2613, 1, "碳酸锂", "吨", 90, 0.7), product(2613, 2, "氯化钾", "吨", 2.5, 0.25)], [2]),
        make(3012, 3, ["石灰", "钙业"], 30_000, 0.8, 0.01, 0.40, 1_500, 0, 0, 0.06, .construction, -0.01, -0.02,
             [product(3012, 1, "石灰", "吨", 0.35, 1)], [1, 4, 5]),
        make(3091, 2, ["碳素", "石墨"], 40_000, 1.0, 0.04, 0.10, 2_000, 0.2, 0.1, 0.08, .continuous, 0.06, -0.05,
             [product(3091, 1, "石墨及碳素制品", "吨", 15, 0.95)], [1]),
        make(3061, 1.5, ["玄武岩纤维", "新材料"], 40_000, 1.0, 0.02, 0.15, 1_500, 0.2, 0.15, 0.07, .general, 0.12, -0.03,
             [product(3061, 1, "玄武岩纤维", "吨", 15, 0.9)], [1]),
        // 钒钛钢铁与装备
        make(3110, 1, ["钢铁", "钒钛"], 800_000, 1.0, 0.003, 0.16, 5_000, 0, 0, 0.02, .continuous, -0.01, -0.08,
             [product(3110, 1, "生铁", "吨", 2.6, 1)], [1]),
        make(3120, 1, ["钢铁", "特钢"], 600_000, 1.0, 0.008, 0.02, 5_000, 0.1, 0.05, 0.02, .continuous, -0.01, -0.08,
             [product(3120, 1, "粗钢", "吨", 3.2, 1)], [1]),
        make(3130, 3, ["钢材", "金属制品"], 150_000, 1.0, 0.003, 0.015, 4_000, 0.1, 0.05, 0.02, .continuous, 0.0, -0.08,
             [product(3130, 1, "钢材", "吨", 3.8, 1)], [1, 0]),
        make(3140, 2, ["铁合金", "钒业"], 80_000, 1.0, 0.10, 0.10, 3_000, 0.1, 0.1, 0.01, .continuous, 0.0, -0.06,
             [product(3140, 1, "铁合金", "吨", 7, 1)], [1, 2]),
        make(3511, 3, ["机械", "矿山机械"], 40_000, 1.0, 0.002, 0.003, 1_000, 0.15, 0.1, 0.06, .general, 0.04, 0.01,
             [product(3511, 1, "矿山专用设备", "吨", 20, 0.8)], [0, 1]),
        make(3311, 4, ["钢结构", "金属结构"], 30_000, 0.9, 0.003, 0.005, 1_200, 0, 0, 0.05, .construction, 0.02, -0.03,
             [], [0, 1]),
        make(3670, 3, ["汽车配件", "机械"], 40_000, 1.0, 0.003, 0.005, 1_000, 0.2, 0.1, 0.05, .general, 0.05, -0.01,
             [], [0, 1]),
        // 建材
        make(3011, 3, ["水泥", "建材"], 120_000, 0.9, 0.023, 0.30, 3_000, 0, 0, 0.08, .construction, -0.05, -0.10,
             [product(3011, 1, "水泥", "吨", 0.35, 1)], [3, 5, 4]),
        make(3021, 5, ["建材", "混凝土"], 25_000, 0.8, 0.002, 0.01, 1_500, 0, 0, 0.05, .construction, -0.04, -0.05,
             [product(3021, 1, "商品混凝土", "立方米", 0.35, 0.95)], []),
        make(3039, 2, ["新型建材", "建材"], 25_000, 0.8, 0.005, 0.02, 1_200, 0, 0, 0.05, .construction, -0.02, -0.03,
             [], [4, 5]),
        // 生物医药
        make(2710, 1.5, ["药业", "制药"], 60_000, 1.0, 0.004, 0.05, 1_500, 0.3, 0.2, 0.12, .general, 0.06, 0.0,
             [product(2710, 1, "化学原料药", "吨", 120, 0.9)], [1]),
        make(2740, 2, ["药业", "中药"], 50_000, 1.0, 0.0015, 0.02, 1_200, 0.05, 0.05, 0.12, .general, 0.06, 0.01,
             [product(2740, 1, "中成药", "吨", 80, 0.9)], [0, 3]),
        make(2750, 1.5, ["动物药业", "兽药"], 30_000, 0.9, 0.002, 0.01, 1_500, 0.1, 0.05, 0.10, .general, 0.08, 0.0,
             [product(2750, 1, "兽用药品", "吨", 60, 0.9)], [1, 4]),
        // 轻工纺织
        make(1512, 5, ["酒业", "酒厂"], 40_000, 1.2, 0.002, 0.03, 1_200, 0, 0, 0.20, .food, 0.04, 0.02,
             [product(1512, 1, "白酒", "千升", 40, 0.95)], [5, 3]),
        make(1353, 4, ["食品", "肉类加工"], 50_000, 1.0, 0.003, 0.01, 2_000, 0.05, 0.05, 0.03, .food, 0.03, -0.05,
             [product(1353, 1, "鲜、冷藏肉", "吨", 25, 0.8)], [4, 5]),
        make(1329, 3, ["饲料", "农牧"], 50_000, 1.0, 0.002, 0.005, 3_000, 0, 0, 0.03, .general, 0.02, -0.04,
             [product(1329, 1, "饲料", "吨", 3.5, 1)], [3, 5]),
        make(1731, 3, ["苎麻纺织", "麻纺"], 30_000, 0.9, 0.012, 0.02, 500, 0.4, 0.25, 0.04, .general, -0.02, 0.0,
             [product(1731, 1, "苎麻纱", "吨", 35, 0.9)], [4]),
        make(1711, 2, ["纺织", "棉纺"], 30_000, 0.9, 0.015, 0.01, 500, 0.3, 0.2, 0.03, .general, -0.02, -0.02,
             [product(1711, 1, "纱", "吨", 22, 0.95)], [4, 5]),
        make(1819, 3, ["服饰", "制衣"], 25_000, 0.9, 0.003, 0.002, 300, 0.4, 0.3, 0.04, .general, 0.0, 0.0,
             [product(1819, 1, "服装", "万件", 600, 0.95)], [4, 0]),
        make(2221, 2, ["纸业", "造纸"], 40_000, 1.0, 0.01, 0.15, 2_000, 0, 0, 0.04, .general, -0.01, -0.04,
             [product(2221, 1, "机制纸及纸板", "吨", 5, 1)], [4, 5]),
        make(2922, 4, ["塑业", "塑胶"], 25_000, 0.9, 0.006, 0.005, 1_000, 0.1, 0.1, 0.05, .general, 0.02, -0.02,
             [product(2922, 1, "塑料制品", "吨", 12, 0.9)], []),
        // 能源与公用事业
        make(4411, 1, ["发电", "电力"], 300_000, 1.0, 0.012, 0.75, 8_000, 0, 0, 0.05, .power, 0.0, 0.0,
             [product(4411, 1, "发电量", "万千瓦时", 4.0, 1)], [1, 5]),
        make(4610, 1.5, ["水务", "供水"], 30_000, 0.8, 0.03, 0.0, 1_000, 0, 0, 0.06, .power, 0.02, 0.02,
             [product(4610, 1, "自来水", "万立方米", 25, 0.95)], []),
    ]

    private static func make(
        _ code: UInt16, _ weight: Double, _ words: [String], _ median: Double, _ sigma: Double,
        _ electricity: Double, _ fuel: Double, _ perEmployee: Double, _ exporters: Double, _ exportShare: Double,
        _ margin: Double, _ season: SeasonProfile, _ trend: Double, _ price: Double,
        _ products: [ProductSpec], _ clusters: [Int]
    ) -> IndustryProfile {
        IndustryProfile(
            code: code, weight: weight, nameWords: words, medianAnnual: median, sigma: sigma,
            electricityPerOutput: electricity, fuelPerOutput: fuel, outputPerEmployee: perEmployee,
            exporterShare: exporters, exportShare: exportShare, margin: margin, season: season,
            annualTrend: trend, annualPriceChange: price, products: products, clusters: clusters)
    }

    private static func product(
        _ industry: UInt16, _ number: Int, _ name: String, _ unit: String, _ price: Double, _ share: Double
    ) -> ProductSpec {
        let digits = String(industry)
        let code = String(repeating: "0", count: 4 - digits.count) + digits + (number < 10 ? "0" : "") + String(number) + "0000"
        return ProductSpec(code: code, name: name, unit: unit, price: price, valueShare: share)
    }

    /// Non-industrial trades that appear in the admin data only (wholesale, transport, services).
    public static let nonIndustrialAdminClasses: [UInt16] = [5162, 5191, 5431, 7010, 7221]
}
