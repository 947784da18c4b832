import Foundation
@testable import StatGuardFuzzIngest
import Testing

/// Replays every committed fuzz input in `Tests/Fuzz/ingest` through the fuzz target's own
/// checks (``FuzzIngest/run(_:)``): each once crashed the fuzzer or stands for a defect, and
/// must now read with every invariant kept. A violation traps, failing the run.
@Suite struct FuzzRegressionTests {
    /// The committed inputs: one selector byte (which contract file, encoding pin, chunk size) and the file.
    static let inputs: [String] = {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/ingest").path
        return FuzzIngestMain.inputFiles(folder).filter { !$0.hasSuffix(".md") }
    }()

    @Test func thereAreInputsToReplay() {
        #expect(Self.inputs.count >= 5)
    }

    @Test("a committed fuzz input replays", arguments: inputs.map { ($0 as NSString).lastPathComponent })
    func replays(_ name: String) throws {
        let path = try #require(Self.inputs.first { $0.hasSuffix("/" + name) })
        let data = try #require(FileManager.default.contents(atPath: path))
        data.withUnsafeBytes { FuzzIngest.run($0) }
    }
}
