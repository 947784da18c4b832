import Foundation

/// Counties, towns and parks of the synthetic prefecture, with 12-digit
/// 统计用区划代码.
///
/// County codes are those of 达州市, Sichuan (5117xx); town names and the town
/// and village digits below them are synthetic. Towns per county grow with the
/// number of enterprises so that a town holds tens to a few hundred of them, and
/// their weights are skewed: a few industrial towns hold most enterprises, as in
/// a real county.
public struct Geography: Sendable {
    /// One 区/县.
    public struct County: Sendable {
        /// The six-digit county code, e.g. 511722.
        public let code: UInt64
        public let name: String
        /// Short name used in enterprise names (`宣汉`).
        public let shortName: String
        /// Relative share of the city's enterprises.
        public let weight: Double
    }

    /// One 乡镇/街道.
    public struct Town: Sendable {
        /// The nine-digit town code (county code × 1000 + town number).
        public let code: UInt64
        public let name: String
        public let county: Int
        /// Relative share of its county's enterprises.
        public let weight: Double
        /// The park (index into ``parks``) located in this town, if any.
        public let park: Int?

        /// The 12-digit region code of the town itself (village digits 000).
        public var regionCode: UInt64 { code * 1000 }
    }

    /// One 园区, located in one town.
    public struct Park: Sendable {
        public let name: String
        public let county: Int
    }

    public let counties: [County]
    public let towns: [Town]
    public let parks: [Park]
    /// Indices of ``towns`` per county.
    public let townsOfCounty: [[Int]]

    static let countyTable: [(UInt64, String, String, Double, [String])] = [
        (511702, "通川区", "通川", 0.14, ["达州高新技术产业开发区"]),
        (511703, "达川区", "达川", 0.22, ["达州经济开发区", "达州钒钛钢铁产业园"]),
        (511722, "宣汉县", "宣汉", 0.20, ["普光经济开发区", "宣汉锂钾综合开发产业园"]),
        (511723, "开江县", "开江", 0.10, ["开江经济开发区"]),
        (511724, "大竹县", "大竹", 0.17, ["大竹经济开发区"]),
        (511725, "渠县", "渠县", 0.17, ["渠县经济开发区"]),
    ]

    static let firstCharacters = Array("青白金石龙凤黄双三新永太长福马观清红碧柳桂兴安平顺高鹤宝华云天玉仁和丰庆义明")
    static let secondCharacters = Array("山河溪桥坝坪林湾岩泉水田峰岭口场阳兴安庙垭池滩沟寨台城江丰乐宁和寿家龙凤合沙")

    /// Builds the geography for `enterprises` enterprises.
    public init(enterprises: Int, random: inout SeededRandom) {
        let perCounty = max(8, min(600, enterprises / 250))
        var counties: [County] = []
        var towns: [Town] = []
        var parks: [Park] = []
        var townsOfCounty: [[Int]] = []
        for (countyIndex, row) in Self.countyTable.enumerated() {
            counties.append(County(code: row.0, name: row.1, shortName: row.2, weight: row.3))
            var usedNames = Set<String>()
            var indices: [Int] = []
            // Town numbers: 街道 001-099, 镇 100-199, 乡 200 on (so the three digits never collide).
            let streets = min(99, max(2, perCounty / 6))
            let townCount = min(99, perCounty - streets - perCounty / 4)
            let townships = perCounty - streets - townCount
            // Skewed weights: rank^-0.9, shuffled so the big towns are not always the first codes.
            var weights = (0..<perCounty).map { 1 / pow09(Double($0 + 1)) }
            random.shuffle(&weights)
            let parkTowns = Array(0..<perCounty).sorted { weights[$0] > weights[$1] }.prefix(row.4.count)
            var parkOfTown: [Int: Int] = [:]
            for (k, town) in parkTowns.enumerated() {
                parkOfTown[town] = parks.count
                parks.append(Park(name: row.4[k], county: countyIndex))
            }
            for t in 0..<perCounty {
                let kind: String
                let number: Int
                if t < streets { kind = "街道"; number = 1 + t }
                else if t < perCounty - townships { kind = "镇"; number = 100 + (t - streets) }
                else { kind = "乡"; number = 200 + (t - perCounty + townships) }
                var name = ""
                repeat {
                    name = String(random.element(of: Self.firstCharacters)) + String(random.element(of: Self.secondCharacters)) + kind
                } while usedNames.contains(name) && usedNames.count < 1500
                usedNames.insert(name)
                indices.append(towns.count)
                towns.append(Town(
                    code: row.0 * 1000 + UInt64(number), name: name, county: countyIndex,
                    weight: weights[t] * (parkOfTown[t] != nil ? 2 : 1), park: parkOfTown[t]))
            }
            townsOfCounty.append(indices)
        }
        self.counties = counties
        self.towns = towns
        self.parks = parks
        self.townsOfCounty = townsOfCounty
    }
}

/// x^0.9 without Foundation's pow on the hot path (only used at set-up).
private func pow09(_ x: Double) -> Double {
    exp(0.9 * log(x))
}
