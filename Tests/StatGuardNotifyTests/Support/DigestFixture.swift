import StatGuardConfig
import StatGuardCore
import StatGuardNotify

/// Digests for the tests: cases in two counties (510402 east, 510403 west), every severity,
/// and names as hostile as a bureau's files can make them.
enum DigestFixture {
    static let period = Period(year: 2024, month: 12)

    /// A name that would be markup in every renderer if it were not escaped.
    static let hostileName = "<script>alert('x')</script>**某某**[链接](http://evil.example)|#\u{1B}[31m"

    static let towns = [
        ("510402001000", "东城街道"), ("510402002000", "西湖镇"), ("510403001000", "南山街道"), ("510403101000", "北坡乡"),
    ]

    /// `count` cases over the four towns, scores falling, severities cycling error, warning, info.
    static func cases(_ count: Int, messageLength: Int = 60) -> [DigestCase] {
        (0..<count).map { index in
            let (region, town) = towns[index % towns.count]
            let severity = [Severity.error, .warning, .info][index % 3]
            let sentence = "本月工业总产值比上年同期增长 \(40 + index)%，而工业用电量仅增长 1.2%，请核实产值是否虚报。"
            let message = String(repeating: sentence, count: max(1, messageLength / sentence.count + 1)).prefix(messageLength)
            return DigestCase(
                enterprise: "企业\(index)有限公司", creditCode: "91110000101623741K", regionCode: region,
                townName: town, ruleID: "O01", ruleTitle: "产值高于用电所示", category: .over, severity: severity,
                score: 1.0 / Double(index + 1), message: String(message), status: index % 4 == 3 ? .reopened : .new,
                link: "https://statguard.example.org/cases/\(index)")
        }
    }

    static func digest(cases: [DigestCase] = cases(8), webURL: String? = "https://statguard.example.org") -> Digest {
        var counts: [DigestCount] = []
        for (region, _) in towns {
            for severity in Severity.allCases {
                let mine = cases.filter { $0.regionCode == region && $0.severity == severity }
                counts.append(DigestCount(
                    regionCode: region, category: .over, severity: severity, new: mine.filter { $0.status == .new }.count,
                    reopened: mine.filter { $0.status == .reopened }.count, stillOpen: 2))
            }
        }
        let reporting = towns.map { ReportingCount(regionCode: $0.0, due: 50, reported: 48) }
        return Digest(
            pipeline: "monthly-industry", period: period, counts: counts, reporting: reporting, cases: cases, webURL: webURL)
    }

    static func channel(
        _ name: String, _ kind: ChannelKind, regions: [String] = [], minSeverity: Severity = .info, top: Int = 10
    ) -> ChannelConfig {
        switch kind {
        case .wecom:
            ChannelConfig(name: name, kind: kind, urlEnv: "SG_WECOM_EAST", regions: regions, minSeverity: minSeverity, top: top)
        case .dingtalk:
            ChannelConfig(
                name: name, kind: kind, urlEnv: "SG_DING_URL", secretEnv: "SG_DING_SECRET", regions: regions,
                minSeverity: minSeverity, top: top)
        case .feishu:
            ChannelConfig(
                name: name, kind: kind, urlEnv: "SG_FEISHU_URL", secretEnv: "SG_FEISHU_SECRET", regions: regions,
                minSeverity: minSeverity, top: top)
        case .email:
            ChannelConfig(
                name: name, kind: kind, smtpEnv: "SG_SMTP_URL", from: "statguard@example.org",
                to: ["chief@example.org", "deputy@example.org"], regions: regions, minSeverity: minSeverity, top: top)
        }
    }
}
