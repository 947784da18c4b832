import StatGuardCore
import StatGuardReports
import StatGuardStore
import StatGuardTestSupport

/// Findings and load records for renderer tests, with any text or figure a test needs.
enum ReportFixtures {
    static let period = Period(year: 2024, month: 3)

    /// An enterprise finding whose input-derived texts are `text` and whose score is `score`.
    static func finding(
        name: String = "达州市国康农牧\"川东\"有限公司", message: String = "产值高于用电量推算值。", score: Double = 0.5,
        ruleID: String = "O01", severity: Severity = .warning, observed: String = "1,234", number: Int = 1
    ) -> Finding {
        Finding(
            period: period, scope: .enterprise, creditCode: try? CreditCode.parse(TestCodes.valid(number)).get(), name: name,
            regionCode: "511703001001", industryCode: "2521", ruleID: RuleID(ruleID), category: .over, severity: severity,
            score: score, indicator: "gross_output", slots: ["message": .text(message), "observed": .text(observed)])
    }

    /// A catalog whose rules O01, O04 and C01 write the finding's `message` and `observed` slots as they are.
    static let renderer = FindingRenderer(catalog: FindingCatalog(["O01", "O04", "C01"].map { id in
        RuleEntry(
            RuleID(id), category: .over, severity: .warning, title: Bilingual(zh: id, en: id), meaning: Bilingual(zh: "", en: ""),
            why: Bilingual(zh: "", en: ""), ask: Bilingual(zh: "", en: ""),
            messages: ["": FindingMessage(zh: "{message}", en: "{message}", observed: "{observed}", expected: "≤ 1,000", example: [:])])
    }))

    /// A load record whose file name, notice, skipped reason and check note are `text`.
    static func record(text: String) -> LoadRecord {
        LoadRecord(
            pipeline: "test", period: period.description, toolVersion: "test", startedAt: "2024-04-01T00:00:00Z",
            files: [LoadRecord.InputFile(
                kind: "reports", path: "data/\(text).csv", size: 1, sha256: "00", encoding: "utf-8", rowsRead: 1,
                rowsLoaded: 1, rowsQuarantined: 0, notices: ["unknown column '\(text)' kept as pass-through"])],
            skippedInputs: [LoadRecord.SkippedInput(kind: "admin", reason: text)],
            checks: [LoadRecord.CheckTally(
                ruleID: "R01", evaluated: 1, failed: 0, notEvaluated: [:], skipped: nil, notes: [text])])
    }
}
