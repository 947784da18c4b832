import StatGuardCharts

/// Charts that exercise the layout's edge cases, each kept as a golden file and looked at as a PNG.
enum ChartSamples {
    static let months = ["23年12月", "24年1-2月", "24年3月", "24年4月", "24年5月", "24年6月", "24年7月", "24年8月", "24年9月",
                         "24年10月", "24年11月", "24年12月"]

    static let names = [
        "line-growth", "line-many-series", "line-single-point", "line-empty", "line-all-equal", "line-huge",
        "bar-contribution", "bar-rate", "bar-counts", "bar-empty", "bar-many", "bar-hostile",
    ]

    static func chart(_ name: String) -> any SVGChart {
        switch name {
        case "line-growth":
            return LineChart(
                title: "工业总产值同比增速", unit: "%", categories: months,
                series: [
                    .init(name: "同比（同口径）", values: [6.1, 7.4, 5.2, nil, 4.8, 3.9, -1.2, -2.5, 0.4, 2.2, 3.1, 5.6], emphasised: true),
                    .init(name: "同比（按库内数）", values: [6.5, 7.9, 5.0, 4.4, 5.2, 4.1, -0.8, -2.0, 0.9, 2.6, 3.5, 9.8]),
                ],
                note: "第4个月同口径增速缺失：线在此断开。")
        case "line-many-series":
            let names = ["通川区经开区", "通川区", "达川区", "宣汉县", "开江县", "大竹县", "渠县", "万源市", "达州高新技术产业开发区",
                         "达州经济开发区", "东部经开区"]
            return LineChart(
                title: "各区县工业总产值（本月） Eleven series", unit: "万元", categories: months,
                series: names.enumerated().map { i, name in
                    .init(name: name, values: months.indices.map { m in
                        160_000 - Double(i) * 12_000 + Double((m * (i + 3)) % 7) * 3_000
                    })
                },
                includesZero: true, note: "1-2月为两个月合计 (Jan-Feb combined)。")
        case "line-single-point":
            return LineChart(title: "单个时期 One period", unit: "万元", categories: ["24年12月"],
                             series: [.init(name: "全部", values: [12_345.6])], includesZero: true)
        case "line-empty":
            return LineChart(title: "没有数据 No data", unit: "万元", categories: [], series: [])
        case "line-all-equal":
            return LineChart(title: "全部相同 All equal", unit: "%", categories: Array(months.prefix(5)),
                             series: [.init(name: "甲", values: [3.5, 3.5, 3.5, 3.5, 3.5]), .init(name: "乙", values: [3.5, nil, 3.5, 3.5, 3.5])])
        case "line-huge":
            return LineChart(title: "极端数值 Huge values, NaN and infinity", unit: "万元", categories: Array(months.prefix(6)),
                             series: [.init(name: "huge", values: [1e18, 3e18, .nan, .infinity, 2.2e18, -.infinity]),
                                      .init(name: "max", values: [.greatestFiniteMagnitude, 0, nil, -1e300, 5, 6])])
        case "bar-contribution":
            return BarChart(title: "各区县拉动工业总产值增长（2024年12月）", unit: "百分点",
                            bars: [.init(label: "通川区", value: 2.31), .init(label: "宣汉县", value: 1.07), .init(label: "大竹县", value: 0),
                                   .init(label: "渠县", value: nil), .init(label: "开江县", value: -0.42), .init(label: "达川区", value: -1.96)],
                            valueFormat: .points, note: "全部同比（同口径）+1.0%，为各区县拉动之和。")
        case "bar-rate":
            return BarChart(title: "各乡镇（街道）报送率（2024年12月）", unit: "%",
                            bars: [.init(label: "君塘镇", value: 66.7), .init(label: "南外镇", value: 84),
                                   .init(label: "达州市通川区东城街道办事处经济发展和统计服务中心", value: 97.5),
                                   .init(label: "西城街道", value: 96.8), .init(label: "东乡街道", value: 100)],
                            domain: 0...100, valueFormat: .percent)
        case "bar-counts":
            return BarChart(title: "待核实预警（按乡镇） Open alerts by town", unit: "条",
                            bars: [.init(label: "511702001", value: 3), .init(label: "511703100", value: 2), .init(label: "511722102", value: 1)],
                            integral: true, valueFormat: .count)
        case "bar-empty":
            return BarChart(title: "没有乡镇 No towns", unit: "%", bars: [], domain: 0...100, valueFormat: .percent)
        case "bar-many":
            return BarChart(title: "很多乡镇 Many towns", unit: "条",
                            bars: (1...45).map { .init(label: "乡镇\($0)", value: Double(90 - 2 * $0) * 1_234.5) },
                            valueFormat: BarChart.ValueFormat(decimals: 1), maxBars: 12)
        case "bar-hostile":
            return BarChart(title: "Escaping & <b>标题</b>", unit: "\"条\" & '件'",
                            bars: [.init(label: RenderFixtures.scriptName, value: 2), .init(label: "A&B <i>", value: 1)],
                            integral: true, valueFormat: .count, note: "</text><script>alert(2)</script>")
        default:
            fatalError("unknown sample \(name)")
        }
    }
}
