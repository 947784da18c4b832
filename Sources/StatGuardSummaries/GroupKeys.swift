import StatGuardCore

/// For every report row, the group it falls in under each breakdown (dense ids),
/// and each group's code and name. Computed once; accumulation is then plain array work.
struct GroupKeys {
    /// Per breakdown except chains: per row, its group id (−1: none, e.g. no park).
    var rowGroup: [Breakdown: [Int32]] = [:]
    /// Per class group id: the chain group ids the class belongs to.
    var chainsOfClass: [[Int]] = []
    /// Per breakdown: (code, name) of each group id.
    var groups: [Breakdown: [(code: String, name: String)]] = [:]

    init(_ input: SummaryInput) {
        let reports = input.reports
        let catalog = input.catalog
        var ids: [Breakdown: [String: Int]] = [:]
        func id(_ breakdown: Breakdown, _ code: String, _ name: @autoclosure () -> String) -> Int {
            if let existing = ids[breakdown]?[code] { return existing }
            let next = groups[breakdown, default: []].count
            ids[breakdown, default: [:]][code] = next
            groups[breakdown, default: []].append((code, name()))
            return next
        }
        _ = id(.area, "all", "全部")
        // Classes, divisions, sections and chains come from the class code alone: resolve each distinct class once.
        var classGroups: [UInt16: (section: Int, division: Int, cls: Int, chains: [Int])] = [:]
        for code in Set(reports.industryCodes) {
            let section = String(code.section ?? "?")
            let chains = input.chains.enumerated().filter { chain in chain.element.prefixes.contains { code.description.hasPrefix($0) } }
            classGroups[code.value] = (
                id(.section, section, "\(section) \(catalog.sectionName(code.section ?? "?") ?? "")"),
                id(.division, code.divisionCode, "\(code.divisionCode) \(catalog.divisionName(of: code) ?? "")"),
                id(.industryClass, code.description, "\(code.description) \(catalog.name(of: code) ?? "")"),
                chains.map { id(.chain, $0.element.name, $0.element.name) })
        }
        var countyIDs: [UInt64: Int] = [:]
        var townIDs: [UInt64: Int] = [:]
        var parkIDs: [UInt64: Int] = [:]
        let parkColumn = reports[text: ReportField.park]
        let configuredParks = Set(input.parks)
        let none = [Int32](repeating: -1, count: reports.count)
        var (countyOf, townOf, sectionOf, divisionOf, classOf, parkOf) = (none, none, none, none, none, none)
        for row in 0..<reports.count {
            let region = reports.regionCodes[row]
            let county = countyIDs[region.county.value] ?? {
                let code = region.countyCode
                let new = id(.county, code, input.regionNames.label(code))
                countyIDs[region.county.value] = new
                return new
            }()
            let town = townIDs[region.town.value] ?? {
                let code = region.townCode
                let new = id(.town, code, input.regionNames.label(code))
                townIDs[region.town.value] = new
                return new
            }()
            let cls = classGroups[reports.industryCodes[row].value]!
            var park: Int32 = -1
            if parkColumn.count == reports.count, !parkColumn.isEmpty(at: row) {
                let key = parkColumn.withUTF8(row) { Self.hash($0) }
                park = Int32(parkIDs[key] ?? {
                    let name = parkColumn[row]
                    let label = configuredParks.isEmpty || configuredParks.contains(name) ? name : "其他园区"
                    let new = id(.park, label, label)
                    parkIDs[key] = new
                    return new
                }())
            }
            countyOf[row] = Int32(county)
            townOf[row] = Int32(town)
            sectionOf[row] = Int32(cls.section)
            divisionOf[row] = Int32(cls.division)
            classOf[row] = Int32(cls.cls)
            parkOf[row] = park
        }
        chainsOfClass = Array(repeating: [], count: groups[.industryClass]?.count ?? 0)
        for entry in classGroups.values { chainsOfClass[entry.cls] = entry.chains }
        for chain in input.chains { _ = id(.chain, chain.name, chain.name) }
        for park in input.parks { _ = id(.park, park, park) }
        rowGroup = [
            .area: [Int32](repeating: 0, count: reports.count), .county: countyOf, .town: townOf, .section: sectionOf,
            .division: divisionOf, .industryClass: classOf, .park: parkOf,
        ]
    }

    /// FNV-1a of a text value, a dictionary key without making a String per row.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }
}
