import StatGuardConfig
import StatGuardCore
@testable import StatGuardNotify
import Testing

/// A channel receives the cases, counts and reporting rate of its regions, at or above its
/// least severity, ranked, cut to its top N.
@Suite("Digests are routed per channel")
struct DigestFilteringTests {
    @Test("regions are prefixes of the region code; empty means all")
    func routingByRegion() {
        let digest = DigestFixture.digest(cases: DigestFixture.cases(12))
        let east = digest.filtered(for: DigestFixture.channel("东区", .wecom, regions: ["510402"], top: 100))
        #expect(!east.cases.isEmpty)
        #expect(east.cases.allSatisfy { $0.regionCode.hasPrefix("510402") })
        #expect(east.counts.allSatisfy { $0.regionCode.hasPrefix("510402") })
        #expect(east.reportingRate! == (96, 100))
        let town = digest.filtered(for: DigestFixture.channel("西湖镇", .wecom, regions: ["510402002"], top: 100))
        #expect(town.cases.map(\.townName).allSatisfy { $0 == "西湖镇" } && town.cases.count == 3)
        let two = digest.filtered(for: DigestFixture.channel("两区", .wecom, regions: ["510402001", "510403101"], top: 100))
        #expect(Set(two.cases.map(\.townName)) == ["东城街道", "北坡乡"])
        let all = digest.filtered(for: DigestFixture.channel("全县", .wecom, top: 100))
        #expect(all.cases.count == 12 && all.reportingRate! == (192, 200))
        let none = digest.filtered(for: DigestFixture.channel("外县", .wecom, regions: ["5105"], top: 100))
        #expect(none.cases.isEmpty && none.counts.isEmpty && none.reportingRate == nil)
    }

    @Test("min_severity drops cases and counts below it")
    func severity() {
        let digest = DigestFixture.digest(cases: DigestFixture.cases(12))
        let errors = digest.filtered(for: DigestFixture.channel("错误", .wecom, minSeverity: .error, top: 100))
        #expect(errors.cases.count == 4 && errors.cases.allSatisfy { $0.severity == .error })
        #expect(errors.counts.allSatisfy { $0.severity == .error })
        let warnings = digest.filtered(for: DigestFixture.channel("警告", .wecom, minSeverity: .warning, top: 100))
        #expect(warnings.cases.count == 8 && !warnings.cases.contains { $0.severity == .info })
    }

    @Test("top keeps the highest scores, ties ordered the same way every time; counts keep the total")
    func topN() {
        var cases = DigestFixture.cases(10).reversed().map { $0 }
        cases.append(DigestCase(
            enterprise: "同分企业", creditCode: nil, regionCode: "510402001000", townName: "东城街道", ruleID: "C01",
            ruleTitle: "出口大于销售", category: .consistency, severity: .error, score: 1.0, message: "m", status: .new))
        let digest = DigestFixture.digest(cases: cases)
        let top3 = digest.filtered(for: DigestFixture.channel("前三", .wecom, top: 3))
        #expect(top3.cases.map(\.enterprise) == ["企业0有限公司", "同分企业", "企业1有限公司"])
        #expect(top3.totals.new + top3.totals.reopened == 11)
        #expect(DigestText.caseListHeading(top3).contains("列出前 3 条，共 11 条"))
    }

    @Test("a case built from a finding keeps its figures and town")
    func fromFinding() {
        let finding = Finding(
            period: DigestFixture.period, scope: .enterprise, creditCode: nil, name: "某某钢铁有限公司", regionCode: "510402001002",
            industryCode: "3120", ruleID: "O01", category: .over, severity: .warning, score: 0.25, indicator: "gross_output",
            slots: ["ratio": .number(1.5)])
        let item = DigestCase(
            finding: finding, message: "产值比用电所示高 50%。", ruleTitle: "产值高于用电所示", townName: "东城街道", status: .reopened)
        #expect(item.townCode == "510402001" && item.regionCode == "510402001002" && item.message == "产值比用电所示高 50%。")
        #expect(item.status == .reopened && item.score == 0.25 && item.creditCode == nil)
    }

    @Test("the reporting rate is rounded to one decimal in integers, and says when unknown")
    func reportingRate() {
        #expect(DigestText.percent(260, of: 270) == "96.3%")
        #expect(DigestText.percent(0, of: 3) == "0.0%")
        #expect(DigestText.percent(2, of: 3) == "66.7%")
        #expect(DigestText.percent(1, of: 0) == "—")
        let digest = Digest(pipeline: "p", period: DigestFixture.period, counts: [], reporting: [], cases: [])
        #expect(DigestText.reportingRate(digest) == "报送率：无应报企业数据")
        #expect(digest.periodLabel == "2024年12月")
    }
}
