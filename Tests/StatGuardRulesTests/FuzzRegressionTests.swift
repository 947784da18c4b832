import Foundation
import StatGuardChecks
import Testing
@testable import StatGuardRules

/// Every input under `Tests/Fuzz/rules/` (the fuzz target's seeds, the inputs of
/// issue 11 and whatever the fuzzer found) is put through what the fuzz target
/// does with it, on a 512 KiB stack: compiled as a check, as a `when`, as a
/// message and as a placeholder, and whatever compiles is run with its check
/// failing, so messages render. Passing means: no trap, no overflow.
@Suite("Fuzz inputs replayed")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/rules")

    static let inputs: [String] = ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasPrefix(".") && !$0.hasSuffix("/") && FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) != nil }
        .sorted()

    @Test func theFolderHoldsInputs() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func inputRunsWithoutCrashing(_ input: String) throws {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(input))
        let text = String(decoding: bytes, as: UTF8.self)
        let firms = [
            Firm(number: 1, now: [:], lastPeriod: [:], lastYear: [:]),
            Firm(number: 2, now: [.grossOutput: 0, .salesOutput: -0.0, .employees: .leastNonzeroMagnitude]),
            Firm(number: 3, now: [.grossOutput: 1e308, .exportDelivery: 1e19], park: "园区1"),
        ]
        onSmallStack {
            var rules: [RuleDefinition] = []
            for (index, (when, check, zh, en)) in [
                (nil, text, "{gross_output}", "{name}"), (text, "false", "x", "x"), (nil, "false", text, "x"), (nil, "false", "x", "{\(text)}"),
            ].enumerated() {
                if let rule = try? RuleDefinition.compile(
                    id: "F0\(index + 1)", category: .consistency, severity: .warning, when: when, check: check,
                    messageZh: zh, messageEn: en, enabled: true)
                {
                    rules.append(rule)
                }
            }
            _ = UserRules.run(rules, context: RuleFixture.context(firms))
        }
    }
}
