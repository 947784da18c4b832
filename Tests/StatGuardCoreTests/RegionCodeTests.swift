import StatGuardCore
import Testing

/// 统计用区划代码: parsing, county and town.
@Suite struct RegionCodeTests {
    @Test func countyAndTown() throws {
        let village = try #require(RegionCode("110108001002"))
        #expect(village.county.description == "110108000000")
        #expect(village.town.description == "110108001000")
        #expect(village.county.county == village.county)
        #expect(village.town.county == village.county)
        #expect(village.town.town == village.town)
    }

    @Test func leadingZerosArePrinted() {
        #expect(RegionCode(value: 1_002).description == "000000001002")
        #expect(RegionCode("012345678901")?.description == "012345678901")
    }

    @Test func surroundingSpacesAreIgnored() {
        #expect(RegionCode(" 110108001002 ") == RegionCode("110108001002"))
    }

    @Test("not 12 digits", arguments: ["11010800100", "1101080010021", "11010800100A", "1.10108E+11", "", "１１０１０８００１００２", "110108 001002"])
    func rejected(_ text: String) {
        #expect(RegionCode(text) == nil)
    }

    @Test func ordering() {
        let codes = ["650102000000", "110108001002", "110101000000"].compactMap(RegionCode.init)
        #expect(codes.sorted().map(\.description) == ["110101000000", "110108001002", "650102000000"])
    }
}
