import Foundation
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import Testing
@testable import StatGuardRules

/// The shipped Pipelines/rules-audit.yaml finds the same rows as the built-in consistency checks.
@Suite("rules-audit.yaml against C01-C04")
struct RulesAuditTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func failing(_ results: [CheckResult], _ rule: String) -> Set<CreditCode> {
        Set(results.first { $0.ruleID.rawValue == rule }!.findings.compactMap(\.creditCode))
    }

    @Test(arguments: [Period(year: 2024, month: 5), Period(year: 2024, month: 2)])
    func sameRowsAsTheBuiltInChecks(period: Period) throws {
        let pipeline = try PipelineLoader(knownChecks: CheckCatalog.entries)
            .load(path: Self.repository.appendingPathComponent("Pipelines/rules-audit.yaml").path)
        #expect(pipeline.rules.map(\.id) == ["R01", "R02", "R03", "R04", "R05", "R06"])
        let firms = [
            Firm(number: 1, now: [.grossOutput: 1000, .grossOutputYTD: 1000], lastPeriod: [.grossOutputYTD: 0, .salesOutputYTD: 0]),
            Firm(number: 2, now: [.exportDelivery: 990]),                                   // export ≤ sales: fine
            Firm(number: 3, now: [.exportDelivery: 1500]),                                  // C01
            Firm(number: 4, now: [.grossOutputYTD: 800]),                                   // C02 and a broken chain
            Firm(number: 5, now: [:], lastPeriod: [.grossOutputYTD: 2000, .salesOutputYTD: 1970]),  // chain holds
            Firm(number: 6, now: [:], lastPeriod: [.grossOutputYTD: 2500, .salesOutputYTD: 1970]),  // chain broken
            Firm(number: 7, now: [.salesOutput: 400]),                                      // 产销率 40%
            Firm(number: 8, now: [.salesOutput: 1490, .salesOutputYTD: 3460]),              // 产销率 149%: inside
            Firm(number: 9, now: [.grossOutput: 0]),                                        // not evaluated for 产销率
        ]
        let context = RuleFixture.context(firms, period: period)
        let builtIn = CheckRunner.run(context, settings: { _ in CheckSettings() }, available: []).results
        let own = UserRules.run(pipeline.rules, context: context).results
        for (rule, check) in [("R01", "C01"), ("R02", "C02"), ("R03", "C03"), ("R04", "C04")] {
            #expect(failing(own, rule) == failing(builtIn, check), "\(rule) vs \(check) in \(period)")
        }
        #expect(!failing(builtIn, "C01").isEmpty)
        #expect(!failing(builtIn, "C03").isEmpty)
        #expect(!failing(builtIn, "C04").isEmpty)
    }
}
