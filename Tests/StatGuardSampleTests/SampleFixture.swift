import Foundation
import StatGuardCore
import StatGuardIngest
@testable import StatGuardSample

/// Small samples generated once per test process, in temporary folders.
enum SampleFixture {
    /// A fresh temporary folder (named after this process; folders of finished test runs are removed).
    static func folder(_ name: String) -> String {
        _ = removeStaleFolders
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("statguard-sample-tests-\(getpid())-\(name)").path
        try? FileManager.default.removeItem(atPath: path)
        return path
    }

    /// Removes the sample folders of test processes that are no longer running (once per process).
    static let removeStaleFolders: Void = {
        let temporary = FileManager.default.temporaryDirectory.path
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where entry.hasPrefix("statguard-sample-tests-") {
            let pidText = entry.dropFirst("statguard-sample-tests-".count).prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: temporary + "/" + entry)
        }
    }()

    /// A configuration small enough for a debug build: 120 enterprises, 2023-02 … 2024-04 (14 periods).
    static func configuration(_ name: String, seed: UInt64 = 7, encodings: SampleConfiguration.Encodings = .plain, dirty: Bool = false, enterprises: Int = 120) -> SampleConfiguration {
        SampleConfiguration(
            outputDirectory: folder(name), enterprises: enterprises, from: Period(year: 2023, month: 2), to: Period(year: 2024, month: 4),
            seed: seed, encodings: encodings, dirty: dirty)
    }

    /// The mixed, dirty sample most tests read.
    static let mixedDirty: (SampleConfiguration, SampleSummary) = {
        let made = SampleFixture.configuration("mixed-dirty", encodings: .mixed, dirty: true)
        return (made, try! SampleGenerator(made).run())
    }()

    /// The same seed as ``mixedDirty``, plain and clean.
    static let plain: (SampleConfiguration, SampleSummary) = {
        let made = SampleFixture.configuration("plain")
        return (made, try! SampleGenerator(made).run())
    }()

    /// Every contract file of a sample with the period it belongs to (nil for register and capacity).
    static func contractFiles(_ configuration: SampleConfiguration) -> [(path: String, kind: FileKind, period: Period?)] {
        var files: [(String, FileKind, Period?)] = [
            (configuration.outputDirectory + "/register/register.csv", .register, nil),
            (configuration.outputDirectory + "/capacity/capacity.csv", .capacity, nil),
        ]
        for period in configuration.writtenPeriods {
            for kind in [FileKind.reports, .products, .admin] {
                files.append((configuration.outputDirectory + "/\(kind.rawValue)/" + kind.fileName(for: period), kind, period))
            }
        }
        return files
    }

    /// Reads a contract file as the pipeline would, checking rows against the file's period.
    static func read(_ file: (path: String, kind: FileKind, period: Period?)) throws -> FileReadResult {
        try ContractFileReader(kind: file.kind, options: ReadOptions(period: file.period)).read(path: file.path)
    }

    /// FNV-1a digest of every file under `folder`, by relative path.
    static func digests(_ folder: String) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in FileManager.default.contents(atPath: path)! { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            result[relative] = hash
        }
        return result
    }
}
