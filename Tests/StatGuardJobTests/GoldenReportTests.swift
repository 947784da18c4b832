import Crypto
import Foundation
import StatGuardTestSupport
import Testing

/// The reports of a whole generated bureau year, byte for byte: a refactor that is
/// not meant to change the output must leave these files as they are.
///
/// The data is `statguard sample --seed 5` (150 enterprises, 2023-02 to 2024-12: 22 periods, dirty
/// rows and mixed encodings), loaded with the shipped pipeline. 2023-12 and 2024-12
/// are kept whole under `Golden/sample-seed5/`; every other period by SHA-256 in
/// `manifest.txt`. Set `STATGUARD_UPDATE_GOLDEN=1` to rewrite them after an intended change,
/// and read the diff before committing it.
@Suite("Golden reports")
struct GoldenReportTests {
    static let files = [
        "alerts.csv", "alerts.md", "cases.csv", "quality.md", "quarantine.csv", "summary.csv", "summary.md", "alerts.xlsx", "summary.xlsx",
        "summary-output.svg", "summary-output-by-county.svg", "summary-growth.svg", "summary-contribution.svg",
        "summary-reporting-rate.svg", "alerts-by-town.svg",
    ]
    static let keptWhole = ["2023-12", "2024-12"]
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/sample-seed5")
    static let pipeline = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Pipelines/monthly-industry.yaml").path

    /// Every period's report files, with the temporary folder's path written as `<data>` in the text ones.
    static func produce() throws -> [String: [String: [UInt8]]] {
        let folder = try FixtureFolder("golden")
        let data = folder.path("data")
        let sample = try CommandRunner.run([
            "sample", "--out", data, "--enterprises", "150", "--from", "2023-02", "--to", "2024-12", "--seed", "5",
            "--dirty", "--encodings", "mixed",
        ])
        #expect(sample.exitCode == 0, "\(sample.standardError)")
        let run = try CommandRunner.run([
            "run", "--pipeline", pipeline, "--data", data, "--store", folder.path("store.sqlite"), "--out", folder.path("out"),
            "--from", "2023-02", "--to", "2024-12", "--quiet",
        ], timeout: 300)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let out = folder.path("out/monthly-industry")
        var periods: [String: [String: [UInt8]]] = [:]
        for period in try FileManager.default.contentsOfDirectory(atPath: out) where !period.hasPrefix(".") {
            for name in files {
                let bytes = try folder.read("out/monthly-industry/\(period)/\(name)")
                guard !name.hasSuffix(".xlsx") else {
                    periods[period, default: [:]][name] = bytes
                    continue
                }
                let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: data, with: "<data>")
                periods[period, default: [:]][name] = Array(text.utf8)
            }
        }
        return periods
    }

    /// `period/name  sha256` lines, sorted.
    static func manifest(_ periods: [String: [String: [UInt8]]]) -> String {
        periods.keys.sorted().flatMap { period in
            files.map { name in
                "\(period)/\(name)  \(SHA256.hash(data: periods[period]![name]!).map { String(format: "%02x", $0) }.joined())"
            }
        }.joined(separator: "\n") + "\n"
    }

    @Test("a generated year's reports equal the committed golden files", .timeLimit(.minutes(5)))
    func reportsEqualGolden() throws {
        let periods = try Self.produce()
        #expect(periods.count == 22)
        let manifest = Self.manifest(periods)
        if ProcessInfo.processInfo.environment["STATGUARD_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(manifest.utf8).write(to: Self.golden.appendingPathComponent("manifest.txt"))
            for period in Self.keptWhole {
                let dir = Self.golden.appendingPathComponent(period)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                for name in Self.files { try Data(periods[period]![name]!).write(to: dir.appendingPathComponent(name)) }
            }
            return
        }
        for period in Self.keptWhole {
            for name in Self.files {
                let expected = try Data(contentsOf: Self.golden.appendingPathComponent("\(period)/\(name)"))
                let actual = periods[period]![name]!
                if Array(expected) != actual {
                    let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
                    Issue.record("\(period)/\(name) differs from its golden file at line \((first?.offset ?? min(a.count, b.count)) + 1):\n- \(first?.element.0 ?? "")\n+ \(first?.element.1 ?? "")")
                }
            }
        }
        let expected = try String(contentsOf: Self.golden.appendingPathComponent("manifest.txt"), encoding: .utf8)
        let changed = Set(manifest.split(separator: "\n")).symmetricDifference(Set(expected.split(separator: "\n")))
        #expect(changed.isEmpty, "report files differ from manifest.txt: \(changed.sorted().prefix(10))")
    }
}
