import Foundation
import Testing
@testable import StatGuardSample

/// Metrics on a hand-made pair whose answers were worked out by hand.
@Suite struct EvaluationTests {
    static let a = "91110000101623741K"
    static let b = "91110000600037341L"
    static let c = "911101066976941872"  // all digits: Excel shows it as 9.11101E+17
    static let d = "91110108551385082Q"
    static let e = "91350200MA2YJ1XR9G"

    static let labels = [
        LabelRecord(creditCode: a, period: "2024-03", regionCode: "511722101001", category: "over", kind: "inflation"),
        LabelRecord(creditCode: b, period: "2024-03", regionCode: "511722101002", category: "under", kind: "deflation"),
        LabelRecord(creditCode: c, period: "2024-04", regionCode: "511722101003", category: "structure", kind: "excel_mangled_code"),
        LabelRecord(creditCode: "", period: "2024-04", regionCode: "511722101000", category: "over", kind: "town_inflation"),
        LabelRecord(creditCode: a, period: "2024-04", regionCode: "511722101001", category: "unit", kind: "unit_x10"),
    ]

    static func alert(_ period: String, _ scope: String, _ code: String, _ region: String, _ rule: String, _ category: String, _ severity: String, _ score: Double) -> AlertRecord {
        AlertRecord(period: period, scope: scope, creditCode: code, regionCode: region, ruleID: rule, category: category, severity: severity, score: score)
    }

    static let alerts = [
        alert("2024-03", "enterprise", a, "511722101001", "O01", "over", "warning", 10),  // detects L1, TP
        alert("2024-03", "enterprise", a, "511722101001", "C02", "consistency", "warning", 9),  // TP (A-03 labelled)
        alert("2024-03", "enterprise", b, "511722101002", "O04", "over", "warning", 8),  // TP, but L2 (under) not detected
        alert("2024-04", "enterprise", "9.11101E+17", "511722101003", "S02", "structure", "error", 7),  // detects L3, TP
        alert("2024-04", "region", "", "511722000000", "G02", "over", "warning", 5),  // county contains the town: detects L4, TP
        alert("2024-04", "enterprise", d, "511722101004", "O06", "over", "warning", 6),  // FP
        alert("2024-04", "enterprise", a, "511722101001", "N01", "unit", "info", 1),  // detects L5 at any severity only
        alert("2024-04", "industry", "", "", "O04", "over", "warning", 3),  // not scored
        alert("2024-05", "enterprise", e, "511722101005", "U03", "under", "warning", 4),  // FP, on a hard negative
    ]

    static let negatives = [
        NegativeRecord(creditCode: e, period: "2024-05", kind: "maintenance_shutdown"),
        NegativeRecord(creditCode: d, period: "2024-05", kind: "new_line"),
    ]

    @Test func recallPrecisionAndPrecisionAtK() {
        let result = Evaluation.compute(labels: Self.labels, alerts: Self.alerts, negatives: Self.negatives)
        #expect(result.overall.labels == 5)
        #expect(result.overall.detected == 4)  // L1, L3, L4, L5
        #expect(result.overall.detectedActionable == 3)  // L5 only by an info alert
        let kinds = Dictionary(uniqueKeysWithValues: result.byKind.map { ($0.name, $0) })
        #expect(kinds["inflation"]?.recall == 1)
        #expect(kinds["deflation"]?.recall == 0)
        #expect(kinds["excel_mangled_code"]?.recall == 1)
        #expect(kinds["town_inflation"]?.recall == 1)
        #expect(kinds["unit_x10"]?.recall == 1 && kinds["unit_x10"]?.recallActionable == 0)
        let categories = Dictionary(uniqueKeysWithValues: result.byCategory.map { ($0.name, $0) })
        #expect(categories["over"]?.labels == 2 && categories["over"]?.detected == 2)
        #expect(categories["under"]?.detected == 0)
        // Precision: 7 warning/error alerts of scope enterprise or region, 5 on labelled periods.
        #expect(result.precision.alerts == 7)
        #expect(result.precision.truePositives == 5)
        #expect(result.unscoredAlerts == 1)
        // K = 4 labelled enterprise-periods (A-03, B-03, C-04, A-04); top 4 by score: A-03, B-03, C-04, D-04.
        #expect(result.k == 4)
        #expect(result.hitsAtK == 3)
        #expect(result.precisionAtK == 0.75)
        let all = result.negatives.first { $0.kind == "all" }
        #expect(all?.enterprisePeriods == 2 && all?.flagged == 1 && all?.alerts == 1)
    }

    /// A quarantined row whose code was unusable comes as a file-scope alert without a credit code.
    @Test func structureLabelMatchesFileAlertByRegion() {
        let labels = [LabelRecord(creditCode: Self.b, period: "2024-06", regionCode: "511703100030", category: "structure", kind: "bad_check_character")]
        let hit = Self.alert("2024-06", "file", "", "511703100030", "S02", "structure", "error", 0)
        let elsewhere = Self.alert("2024-06", "file", "", "511703100031", "S02", "structure", "error", 0)
        #expect(Evaluation.compute(labels: labels, alerts: [hit]).overall.detected == 1)
        #expect(Evaluation.compute(labels: labels, alerts: [elsewhere]).overall.detected == 0)
        let result = Evaluation.compute(labels: labels, alerts: [hit])
        #expect(result.precision.alerts == 0 && result.unscoredAlerts == 1)
    }

    @Test func matchingRules() {
        #expect(AlertMatching.codesCorrespond(label: Self.a, alert: Self.a))
        #expect(AlertMatching.codesCorrespond(label: "91110000101623741K", alert: "91110000101623741A"))  // mistyped check character
        #expect(!AlertMatching.codesCorrespond(label: Self.a, alert: Self.b))
        #expect(AlertMatching.regionsRelated("511722101000", "511722000000"))
        #expect(AlertMatching.regionsRelated("511722101000", "511722101203"))
        #expect(!AlertMatching.regionsRelated("511722101000", "511722102000"))
        #expect(!AlertMatching.regionsRelated("511722101000", "511723000000"))
    }

    @Test func readsAlertsByColumnName() throws {
        let folder = SampleFixture.folder("alerts-csv")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/alerts.csv"
        let text = "\u{FEFF}score,period,scope,credit_code,name,region_code,industry_code,rule_id,category,severity,indicator\n"
            + "12.5,2024-03,enterprise,\(Self.a),\"某, 公司\",511722101001,2521,O01,over,warning,gross_output\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let alerts = try EvaluationInput.alerts(path)
        #expect(alerts == [Self.alert("2024-03", "enterprise", Self.a, "511722101001", "O01", "over", "warning", 12.5)])
        #expect(throws: EvaluationInputError.self) { try EvaluationInput.labels(path) }
    }

    @Test func rendersTableAndJSON() throws {
        let result = Evaluation.compute(labels: Self.labels, alerts: Self.alerts, negatives: Self.negatives)
        let text = result.text()
        #expect(text.contains("Matching rules"))
        #expect(text.contains("Precision at K: 75.0%"))
        let json = try JSONSerialization.jsonObject(with: result.json()) as? [String: Any]
        let atK = json?["precision_at_k"] as? [String: Any]
        #expect(atK?["k"] as? Int == 4)
    }
}
