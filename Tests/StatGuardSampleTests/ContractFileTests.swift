import Foundation
import StatGuardCore
import StatGuardIngest
import Testing
@testable import StatGuardSample

@Suite struct ContractFileTests {
    /// Only the labelled structural faults are quarantined, each with its rule.
    @Test func readerQuarantinesExactlyTheLabelledFaults() throws {
        let (configuration, _) = SampleFixture.mixedDirty
        let labels = try EvaluationInput.labels(configuration.outputDirectory + "/labels.csv").filter { $0.category == "structure" }
        #expect(labels.count >= AnomalyKind.structural.count)
        var quarantined: [(period: String, code: String, rule: String)] = []
        for file in SampleFixture.contractFiles(configuration) {
            let result = try SampleFixture.read(file)
            #expect(result.rowsRead > 0, "\(file.path) has no rows")
            for row in result.quarantined {
                quarantined.append((file.period?.description ?? "", row.cells[0], row.rule.rawValue))
            }
        }
        #expect(quarantined.count == labels.count)
        for label in labels {
            let rule = AnomalyKind(rawValue: label.kind)!.structureRule!
            // Excel's form keeps six digits, so it may stand for several codes: only an Excel label may match one.
            let matches = quarantined.filter { row in
                guard row.period == label.period && row.rule == rule else { return false }
                switch label.kind {
                case "excel_mangled_code": return AlertMatching.codesCorrespond(label: label.creditCode, alert: row.code)
                case "bad_check_character": return row.code.count == 18 && row.code.prefix(17) == label.creditCode.prefix(17)
                default: return row.code == label.creditCode
                }
            }
            #expect(matches.count == 1, "\(label.kind) \(label.creditCode) \(label.period): \(matches.count) quarantined rows")
        }
    }

    @Test func cleanSampleLoadsEveryRow() throws {
        let (configuration, summary) = SampleFixture.plain
        var rows = 0
        for file in SampleFixture.contractFiles(configuration) {
            let result = try SampleFixture.read(file)
            #expect(result.quarantined.isEmpty, "\(file.path): \(result.quarantined.first?.reason ?? "")")
            #expect(result.stream.encoding == .utf8 && !result.stream.hadByteOrderMark)
            rows += result.rowsLoaded
        }
        let written = summary.files.filter { !["labels.csv", "negatives.csv", "regions.csv"].contains(($0.path as NSString).lastPathComponent) }
        #expect(rows == written.reduce(0) { $0 + $1.rows })
        // regions.csv (contract 2.6) reads whole: a name for each county and town.
        let regions = try RegionNamesReader().read(path: configuration.outputDirectory + "/regions/regions.csv")
        #expect(regions.quarantined.isEmpty && regions.names["511703"] == "达川区" && regions.rowsRead > 6)
    }

    /// GB18030, BOM and CRLF files decode to the same figures as the plain sample of the same seed.
    @Test func mixedEncodingsDecodeToTheSameRows() throws {
        let mixed = SampleFixture.configuration("mixed-clean", encodings: .mixed)
        _ = try SampleGenerator(mixed).run()
        let plain = SampleFixture.plain.0
        var encodings = Set<TextEncoding>()
        var sawByteOrderMark = false
        var sawCRLF = false
        for (a, b) in zip(SampleFixture.contractFiles(mixed), SampleFixture.contractFiles(plain)) {
            let x = try SampleFixture.read(a)
            let y = try SampleFixture.read(b)
            encodings.insert(x.stream.encoding)
            sawByteOrderMark = sawByteOrderMark || x.stream.hadByteOrderMark
            sawCRLF = sawCRLF || (FileManager.default.contents(atPath: a.path)!.prefix(2_000).contains(0x0D))
            #expect(x.quarantined.isEmpty)
            #expect(x.rowsLoaded == y.rowsLoaded)
            #expect(x.table.creditCodes == y.table.creditCodes)
            #expect(x.table.regionCodes == y.table.regionCodes)
            for field in a.kind.fields.indices {
                let u = x.table.numbers[field]
                let v = y.table.numbers[field]
                #expect(u.count == v.count && zip(u, v).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(a.path) column \(field)")
            }
            // Names agree except the few awkward ones of the mixed sample, which still decode whole.
            if let nameField = a.kind.fields.firstIndex(where: { $0.name == "name" }) {
                let differing = (0..<x.rowsLoaded).filter { x.table.texts[nameField][$0] != y.table.texts[nameField][$0] }
                #expect(differing.count <= 3)
            }
        }
        #expect(encodings == [.utf8, .gb18030])
        #expect(sawByteOrderMark && sawCRLF)
    }

    @Test func awkwardNamesSurviveQuoting() throws {
        let mixed = SampleFixture.mixedDirty.0
        let result = try SampleFixture.read((mixed.outputDirectory + "/register/register.csv", .register, nil))
        let names = (0..<result.rowsLoaded).map { result.table.texts[RegisterField.name.rawValue][$0] }
        #expect(names.contains { $0.contains(",") })
        #expect(names.contains { $0.contains("\"") })
        #expect(names.contains { $0.contains("\n") })
    }

    @Test func creditCodesAreValidAndUnique() {
        var factory = CreditCodeFactory()
        var random = SeededRandom(seed: 3)
        var seen = Set<CreditCode>()
        for i in 0..<2_000 {
            let code = factory.make(county: 511722, allDigits: i % 3 == 0, modern: i % 2 == 0, random: &random)
            guard case .success(let parsed) = CreditCode.parse(code.description) else {
                Issue.record("\(code) does not validate")
                continue
            }
            #expect(parsed == code)
            #expect(code.description.hasPrefix("91511722"))
            if i % 3 == 0 { #expect(CreditCodeFactory.isAllDigits(code)) }
            seen.insert(code)
        }
        #expect(seen.count == 2_000)
    }

    @Test func excelNotationLooksLikeExcel() throws {
        guard case .success(let code) = CreditCode.parse("911101066976941872") else { throw TestFailure() }
        #expect(RowWriter.excelNotation(code) == "9.11101E+17")
        #expect(AlertMatching.codesCorrespond(label: "911101066976941872", alert: "9.11101E+17"))
        #expect(!AlertMatching.codesCorrespond(label: "911101066976941872", alert: "9.11102E+17"))
    }

    @Test func industryMixUsesRealClasses() {
        for profile in IndustryProfile.sichuan {
            #expect(IndustryCatalog.standard.containsClass(Int(profile.code)), "\(profile.code)")
        }
        #expect(!IndustryCatalog.standard.containsClass(7010))
    }
}

struct TestFailure: Error {}
