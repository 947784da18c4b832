import StatGuardCore
import Foundation
import StatGuardStore

/// Measures the wall time of the job's stages, in the order they ran.
struct StageClock {
    private(set) var timings: [LoadRecord.StageTiming] = []

    init(_ timings: [LoadRecord.StageTiming] = []) {
        self.timings = timings
    }

    /// Runs `body` and records its wall time under `stage`.
    mutating func measure<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        timings.append(.init(stage: stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }

    var last: Double { timings.last?.seconds ?? 0 }

    /// Records a stage that was timed elsewhere (work that ran beside another stage).
    mutating func record(_ stage: String, seconds: Double) {
        timings.append(.init(stage: stage, seconds: seconds))
    }

    /// Runs `body` and returns its result with its wall time in seconds.
    static func timed<T>(_ body: () -> T) -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
