import StatGuardChecks
import StatGuardCore
import StatGuardReports
import StatGuardStore
import StatGuardTestSupport
import Testing

/// Every formatter and renderer takes any Double without trapping
/// (regression: `NumberText.amount` trapped in `Double → Int64` on 1e18).
@Suite struct FormatterPropertyTests {
    /// Hand-picked edges and seeded random bit patterns: ±0, subnormals, the extremes, NaN, ±∞.
    static var values: [Double] {
        var values: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, .nan, -.nan, .infinity, -.infinity, 1e18, 9.2e17, 9.223372036854775807e18, 1e20, 1e300,
            -1e300, 1e-15, 0.05, 0.95, 9_999_999.95, 1e15 + 0.5, 4.5e15, 9e15, -9e15, 123_456_789.123,
        ]
        var random = SeededGenerator(seed: 1986)
        for _ in 0..<5_000 { values.append(Double(bitPattern: random.next())) }
        return values
    }

    @Test func figuresNeverTrapAndStayReadable() {
        for value in Self.values {
            let amount = NumberText.amount(value)
            #expect(!amount.isEmpty)
            if !value.isFinite { #expect(amount == "—") }
            if value.isFinite && abs(value) < 1e15 {
                // The text reads back to the value rounded to a tenth.
                let back = Double(amount.replacingOccurrences(of: ",", with: ""))
                #expect(back.map { abs($0 - (value * 10).rounded() / 10) <= 0.051 * max(1, abs(value) * 1e-12) } == true, "\(value) → \(amount)")
            }
            _ = NumberText.ratio(value)
            _ = NumberText.percent(value)
            let score = NumberText.score(value)
            #expect(!score.isEmpty && score.count <= 40, "\(value) → \(score)")
        }
    }

    @Test func scoresKeepThreeSignificantDigits() {
        #expect(NumberText.score(0.004821) == "0.00482")
        #expect(NumberText.score(0.0004821580563770992) == "0.000482")
        #expect(NumberText.score(2.7) == "2.7")
        #expect(NumberText.score(16.768112) == "16.8")
        #expect(NumberText.score(250.4) == "250")
        #expect(NumberText.score(1_234_567) == "1,234,567")
        #expect(NumberText.score(0) == "0")
        #expect(NumberText.score(.nan) == "—")
    }

    @Test func hugeAmountsPrintInFull() {
        #expect(NumberText.amount(1e18) == "1,000,000,000,000,000,000")
        #expect(NumberText.amount(-1e20) == "-100,000,000,000,000,000,000")
        #expect(NumberText.amount(1e300).hasPrefix("1,000,000,000,000,000,052"))
        #expect(NumberText.amount(12_345.64) == "12,345.6")
        #expect(NumberText.amount(-0.04) == "0")
    }

    @Test func everyRendererTakesExtremeScoresAndFigures() {
        let findings = Self.values.prefix(400).enumerated().map { i, value in
            ReportFixtures.finding(score: value.isNaN ? 0 : abs(value), observed: NumberText.amount(value), number: i)
        }
        let csv = AlertsCSV.render(findings, ReportFixtures.renderer)
        #expect(csv.count > 3)
        let md = AlertsMarkdown.render(findings, ReportFixtures.renderer, pipeline: "test", periodLabel: "2024年3月")
        #expect(md.contains("审核预警"))
        let quality = QualityMarkdown.render(QualityReportInput(
            record: ReportFixtures.record(text: "x"), periodLabel: "3月", reportingRate: nil, quarantine: [], findings: findings))
        #expect(quality.contains("Findings by category and rule"))
    }
}
