import StatGuardChecks
import StatGuardCore
import Testing
@testable import StatGuardRules

@Suite("Evaluation over columns")
struct EvaluationTests {
    func run(_ check: String, when: String? = nil, _ firms: [Firm], period: Period = Period(year: 2024, month: 5)) throws -> CheckResult {
        let rule = try RuleDefinition.compile(
            id: "T01", category: .consistency, severity: .warning, when: when, check: check,
            messageZh: "总产值{gross_output}", messageEn: "output {gross_output}", enabled: true)
        return UserRules.run([rule], context: RuleFixture.context(firms, period: period)).results[0]
    }

    @Test func missingInputsAreNotEvaluatedNeitherPassedNorFailed() throws {
        let firms = [
            Firm(number: 1, now: [.exportDelivery: 10]),
            Firm(number: 2, now: [.exportDelivery: 2000]),
            Firm(number: 3, now: [:]),  // export blank
        ]
        let result = try run("export_delivery <= sales_output", firms)
        #expect(result.evaluated == 2)
        #expect(result.failed == 1)
        #expect(result.passed == 1)
        #expect(result.notEvaluated["inputs missing"] == 1)
        #expect(result.findings.first?.slots["gross_output"] == .number(1000))
    }

    @Test func threeValuedLogicFollowsR() throws {
        let firms = [Firm(number: 1, now: [:])]  // export blank
        #expect(try run("export_delivery > 0 or gross_output > 0", firms).passed == 1)       // missing or true = true
        #expect(try run("export_delivery > 0 and gross_output < 0", firms).failed == 1)      // missing and false = false
        #expect(try run("export_delivery > 0 and gross_output > 0", firms).notEvaluated.count == 1)
    }

    @Test func whenSelectsRows() throws {
        let firms = [Firm(number: 1, industry: 2521, now: [.grossOutput: 5]), Firm(number: 2, industry: 3110, now: [.grossOutput: 5])]
        let result = try run("gross_output > 100", when: "starts_with(industry_code, \"25\")", firms)
        #expect(result.failed == 1)
        #expect(result.findings.first?.industryCode == "2521")
        #expect(result.notEvaluated["'when' does not hold"] == 1)
    }

    @Test func lagAtTheStartOfHistoryIsMissing() throws {
        let firms = [Firm(number: 1, now: [:], lastPeriod: [.grossOutput: 900]), Firm(number: 2, now: [:])]
        let result = try run("gross_output >= lag(gross_output, 1)", firms)
        #expect(result.passed == 1)
        #expect(result.notEvaluated["inputs missing"] == 1)  // the second firm has no last period
    }

    @Test func lagAcrossTheCombinedFirstPeriod() {
        let calendar = ReportingCalendar()
        let period = Period(year: 2024, month: 2)
        let history = PeriodHistory(period: period, calendar: calendar, reports: [:], admin: [:])
        #expect(history.period(lag: 1) == Period(year: 2023, month: 12))  // 1-2月 follows December
        #expect(history.period(lag: 12) == Period(year: 2023, month: 2))  // last year's 1-2月
        #expect(PeriodHistory(period: Period(year: 2024, month: 3), calendar: calendar, reports: [:], admin: [:])
            .period(lag: 1) == period)
    }

    @Test func opensYearSwitchesTheChainRule() throws {
        let chain = """
            if opens_year then abs(gross_output_ytd - gross_output) <= 1
            else abs(lag(gross_output_ytd, 1) + gross_output - gross_output_ytd) <= 1
            """
        let firstPeriod = [Firm(number: 1, now: [.grossOutput: 1000, .grossOutputYTD: 1000])]
        #expect(try run(chain, firstPeriod, period: Period(year: 2024, month: 2)).passed == 1)
        let later = [Firm(number: 1, now: [.grossOutput: 1000, .grossOutputYTD: 1000], lastPeriod: [.grossOutputYTD: 1000])]
        #expect(try run(chain, later, period: Period(year: 2024, month: 3)).failed == 1)
    }

    @Test func groupStatisticsEqualPlainRecomputation() throws {
        var firms: [Firm] = []
        for i in 0..<30 {
            firms.append(Firm(number: i, industry: [2521, 3110, 2750][i % 3], town: 510402001 + UInt64(i % 2),
                              now: [.grossOutput: Double(100 + i * 37 % 101), .employees: Double(10 + i)], park: i % 4 == 0 ? "" : "园区\(i % 3)"))
        }
        let context = RuleFixture.context(firms)
        var evaluator = Evaluator(context: context)
        for (key, keyOf) in [("class", { (f: Firm) in "\(f.industry)" }), ("town", { (f: Firm) in "\(f.town)" }), ("park", { (f: Firm) in f.park })] {
            let medians = evaluator.evaluate(try Compiler.compile("median_by(gross_output, \(key))", as: .number)).values
            let sums = evaluator.evaluate(try Compiler.compile("sum_by(gross_output, \(key))", as: .number)).values
            let counts = evaluator.evaluate(try Compiler.compile("count_by(\(key))", as: .number)).values
            for (row, firm) in firms.enumerated() {
                if key == "park" && firm.park.isEmpty {
                    #expect(counts[row].isNaN)
                    continue
                }
                let peers = firms.filter { keyOf($0) == keyOf(firm) }.map { 100.0 + Double($0.number * 37 % 101) }
                #expect(sums[row] == peers.reduce(0, +))
                #expect(counts[row] == Double(peers.count))
                #expect(medians[row] == median(peers))
            }
        }
    }
}
