import StatGuardCore
import Testing

/// GB/T 4754-2017 classes: parts of the code and its text form.
@Suite struct IndustryCodeTests {
    @Test func partsOfACodeWithALeadingZero() throws {
        let code = try #require(IndustryCode("0610"))
        #expect(code.value == 610)
        #expect(code.description == "0610")
        #expect(code.division == 6)
        #expect(code.divisionCode == "06")
        #expect(code.group == 61)
        #expect(code.section == "B")
    }

    @Test func sections() {
        #expect(IndustryCode(value: 1200).section == "B")
        #expect(IndustryCode(value: 1310).section == "C")
        #expect(IndustryCode(value: 2521).section == "C")
        #expect(IndustryCode(value: 4390).section == "C")
        #expect(IndustryCode(value: 4411).section == "D")
        #expect(IndustryCode(value: 4690).section == "D")
        #expect(IndustryCode(value: 510).section == nil)
        #expect(IndustryCode(value: 4700).section == nil)
        #expect(IndustryCode(value: 7010).section == nil)
    }

    @Test("only four digits", arguments: ["610", "06100", "+610", "-610", " 610", "61a0", "", "０６１０"])
    func rejected(_ text: String) {
        #expect(IndustryCode(text) == nil)
    }

    @Test func ordering() {
        let codes = ["4411", "0610", "2521"].compactMap(IndustryCode.init)
        #expect(codes.sorted().map(\.description) == ["0610", "2521", "4411"])
    }
}

/// The shipped GB/T 4754-2017 table of sections B, C and D.
@Suite struct IndustryCatalogTests {
    let catalog = IndustryCatalog.standard

    @Test("DOMAIN.md's example classes", arguments: [
        ("0610", "烟煤和无烟煤开采洗选"), ("2521", "炼焦"), ("2614", "有机化学原料制造"), ("2621", "氮肥制造"),
        ("2750", "兽用药品制造"), ("3011", "水泥制造"), ("3012", "石灰和石膏制造"), ("3091", "石墨及碳素制品制造"),
        ("3110", "炼铁"), ("3120", "炼钢"), ("3130", "钢压延加工"), ("3140", "铁合金冶炼"),
        ("3511", "矿山机械制造"), ("4411", "火力发电"),
        ("4511", "天然气生产和供应业"),  // DOMAIN.md drops the standard's final 业
    ])
    func exampleClasses(_ text: String, _ name: String) throws {
        let code = try #require(IndustryCode(text))
        #expect(catalog.contains(code))
        #expect(catalog.containsClass(Int(code.value)))
        #expect(catalog.name(of: code) == name)
    }

    @Test func notClasses() {
        #expect(!catalog.contains(IndustryCode(value: 7010)))  // services, section M
        #expect(!catalog.contains(IndustryCode(value: 600)))   // division 06 itself
        #expect(!catalog.contains(IndustryCode(value: 611)))
        #expect(!catalog.contains(IndustryCode(value: 0)))
        #expect(!catalog.containsClass(-1))
        #expect(!catalog.containsClass(10_000))
        #expect(!catalog.containsClass(600))
        #expect(catalog.containsClass(610))
    }

    @Test func divisionAndSectionNames() {
        #expect(catalog.divisionName(of: IndustryCode(value: 610)) == "煤炭开采和洗选业")
        #expect(catalog.sectionName("B") == "采矿业")
        #expect(catalog.sectionName("C") == "制造业")
        #expect(catalog.sectionName("D") != nil)
        #expect(catalog.sectionName("M") == nil)
    }

    @Test func classesAreIndustrialSortedAndComplete() {
        let classes = catalog.classes
        #expect(classes.count > 400)  // GB/T 4754-2017 has several hundred industrial classes
        #expect(classes == classes.sorted())
        #expect(classes.first?.description == "0610")
        for code in classes {
            #expect(code.section != nil, "\(code)")
            #expect(catalog.name(of: code) != nil, "\(code)")
            #expect(catalog.divisionName(of: code) != nil, "\(code)")
        }
        // Every division of sections B, C and D (06-46) has classes, and no other does.
        #expect(Set(classes.map(\.division)) == Set(6...46))
    }

    @Test func buildsFromCSVTextWithCRLF() {
        let text = "section,level,code,name\r\nB,1,B,采矿业\r\nB,2,06,煤炭开采和洗选业\r\nB,4,0610,烟煤和无烟煤开采洗选\r\n"
        let custom = IndustryCatalog(csv: text)
        #expect(custom.contains(IndustryCode(value: 610)))
        #expect(!custom.contains(IndustryCode(value: 2521)))
        #expect(custom.name(of: IndustryCode(value: 610)) == "烟煤和无烟煤开采洗选")
        #expect(custom.classes == [IndustryCode(value: 610)])
    }
}
