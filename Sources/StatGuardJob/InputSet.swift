import Foundation
import StatGuardConfig
import StatGuardCore
import StatGuardIngest
import StatGuardStore

/// The input files of one period, read (in parallel, on every core) and hashed.
struct InputSet {
    /// Read results by kind, for the files that were present and usable.
    var results: [FileKind: FileReadResult] = [:]
    var files: [LoadRecord.InputFile] = []
    var skipped: [LoadRecord.SkippedInput] = []
    /// Names of region codes from `regions.csv`, when the pipeline names one.
    var regions = RegionNames()
    /// Rows of `regions.csv` that could not be used.
    var regionsQuarantined: [QuarantinedRow] = []

    /// The reports file, which ``read(pipeline:period:)`` guarantees.
    var reports: FileReadResult { results[.reports]! }
    /// The register, which ``read(pipeline:period:)`` guarantees.
    var register: FileReadResult { results[.register]! }
    /// Rows read from every file.
    var rowsRead: Int { results.values.reduce(0) { $0 + $1.rowsRead } }

    /// Reads every input the pipeline names for `period`.
    ///
    /// Reports and register are required: absent or unusable, the job stops.
    /// Products, capacity and admin are optional: absent or unusable, they are
    /// skipped and recorded in ``skipped``.
    static func read(pipeline: PipelineDefinition, period: Period) throws(JobError) -> InputSet {
        let required: Set<FileKind> = [.reports, .register]
        var jobs: [(kind: FileKind, path: String)] = []
        var set = InputSet()
        for kind in FileKind.allCases {
            guard let path = pipeline.inputPath(kind, period: period) else {
                if required.contains(kind) { throw .missingInput(kind: kind.rawValue, path: "(no pattern)") }
                set.skipped.append(.init(kind: kind.rawValue, reason: "the pipeline names no \(kind.rawValue) file"))
                continue
            }
            if FileManager.default.fileExists(atPath: path) {
                jobs.append((kind, path))
            } else if required.contains(kind) {
                throw .missingInput(kind: kind.rawValue, path: path)
            } else {
                set.skipped.append(.init(kind: kind.rawValue, reason: "\(path) not found"))
            }
        }
        let outcomes = readAll(jobs, pipeline: pipeline, period: period)
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .success(let (result, digest)):
                set.results[job.kind] = result
                set.files.append(LoadRecord.InputFile(
                    kind: job.kind.rawValue, path: job.path, size: digest?.size ?? 0, sha256: digest?.sha256 ?? "",
                    encoding: result.stream.encoding.rawValue + (result.stream.hadByteOrderMark ? " (BOM)" : ""),
                    rowsRead: result.rowsRead, rowsLoaded: result.rowsLoaded, rowsQuarantined: result.quarantined.count,
                    notices: result.notices.map(\.description)))
            case .failure(let error):
                if required.contains(job.kind) { throw .unusableInput(error) }
                set.skipped.append(.init(kind: job.kind.rawValue, reason: error.description))
            }
        }
        set.readRegions(pipeline)
        return set
    }

    /// Reads `regions.csv` when the pipeline names one; absent or unusable, reports show codes alone.
    private mutating func readRegions(_ pipeline: PipelineDefinition) {
        guard let path = pipeline.regionsPath else { return }
        guard FileManager.default.fileExists(atPath: path) else {
            skipped.append(.init(kind: "regions", reason: "\(path) not found; reports show region codes without names"))
            return
        }
        do {
            let read = try RegionNamesReader(pinnedEncoding: pipeline.encoding).read(path: path)
            regions = read.names
            regionsQuarantined = read.quarantined
            let digest = FileDigest(path: path)
            files.append(LoadRecord.InputFile(
                kind: "regions", path: path, size: digest?.size ?? 0, sha256: digest?.sha256 ?? "", encoding: "auto",
                rowsRead: read.rowsRead, rowsLoaded: read.rowsRead - read.quarantined.count, rowsQuarantined: read.quarantined.count))
        } catch {
            skipped.append(.init(kind: "regions", reason: error.description))
        }
    }

    /// Reads and hashes the files concurrently, largest first.
    private static func readAll(
        _ jobs: [(kind: FileKind, path: String)], pipeline: PipelineDefinition, period: Period
    ) -> [Result<(FileReadResult, FileDigest?), IngestError>] {
        let sizes = jobs.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
        let order = jobs.indices.sorted { sizes[$0] > sizes[$1] }
        let box = ResultBox<Result<(FileReadResult, FileDigest?), IngestError>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { slot in
            let index = order[slot]
            let job = jobs[index]
            let options = ReadOptions(
                period: job.kind.hasPeriod ? period : nil, encoding: pipeline.encoding,
                aliases: pipeline.aliases[job.kind] ?? [:], creditCodeAllowList: pipeline.creditCodeAllowList)
            let reader = ContractFileReader(kind: job.kind, options: options)
            let outcome = Result { () throws(IngestError) in try reader.read(path: job.path) }
                .map { ($0, FileDigest(path: job.path)) }
            box.set(index, outcome)
        }
        return box.values
    }
}

/// Results filled in from concurrent work, one slot each.
private final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
