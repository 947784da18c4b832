import Foundation
import StatGuardStore

/// Measures the wall time of the job's stages, in the order they ran.
struct StageClock {
    private(set) var timings: [LoadRecord.StageTiming] = []

    /// Runs `body` and records its wall time under `stage`.
    mutating func measure<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        timings.append(.init(stage: stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }

    var last: Double { timings.last?.seconds ?? 0 }
}
