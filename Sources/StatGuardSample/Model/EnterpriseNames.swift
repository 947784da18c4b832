/// Enterprise names as a bureau sees them: place, brand, trade and legal form,
/// e.g. `宣汉县鑫源化工有限公司` or `四川达州恒泰钢铁股份有限公司`.
enum EnterpriseNames {
    static let brandFirst = Array("鑫宏恒盛瑞永德兴华金天川巴汇中泰益丰达源博康新正信诚国嘉凯远启润福万")
    static let brandSecond = Array("源达泰鑫丰顺发和安兴华盛祥隆通力昌辉宇泽丰成峰瑞康利广晟茂佳旺")
    static let legalForms: [(String, Double)] = [("有限公司", 0.62), ("有限责任公司", 0.22), ("股份有限公司", 0.1), ("集团有限公司", 0.06)]

    /// A name for an enterprise of `profile` in `county`.
    static func make(profile: IndustryProfile, county: Geography.County, random: inout SeededRandom) -> String {
        let place: String
        switch random.int(10) {
        case 0...2: place = "四川" + (random.chance(0.5) ? "达州" : county.shortName)
        case 3...5: place = "达州市"
        case 6: place = "达州"
        default: place = county.shortName.hasSuffix("县") || county.shortName.hasSuffix("区") ? county.shortName : county.name
        }
        let brand = String(random.element(of: brandFirst)) + String(random.element(of: brandSecond))
        let word = random.element(of: profile.nameWords)
        let form = legalForms[random.pick(weights: legalForms.map(\.1))].0
        var name = place + brand + word + form
        if random.chance(0.02) { name += "（" + county.shortName + "分公司）" }
        return name
    }

    /// A small firm in a non-industrial trade (admin data only).
    static func makeTrade(county: Geography.County, random: inout SeededRandom) -> String {
        let trades = ["商贸", "物流", "建筑工程", "房地产开发", "农业开发", "供应链管理"]
        return county.shortName + String(random.element(of: brandFirst)) + String(random.element(of: brandSecond))
            + random.element(of: trades) + "有限公司"
    }

    /// Names that need RFC 4180 quoting, used with `--encodings mixed`: a comma, doubled quotes, a line break.
    static func awkward(_ index: Int, base: String) -> String {
        switch index % 3 {
        case 0: return "Dazhou Hengtai New Materials Co., Ltd.（达州恒泰新材料有限公司）"
        case 1: return base.replacingOccurrences(of: "有限", with: "\"川东\"有限")
        default: return base + "\n（原" + String(base.prefix(4)) + "厂）"
        }
    }
}
