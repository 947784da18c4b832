import Dispatch
import Foundation
import StatGuardCore
import Testing

@Suite("Parallel")
struct ParallelTests {
    @Test("both returns each side's result")
    func bothResults() {
        let (a, b) = Parallel.both({ (1...100).reduce(0, +) }, { "second" })
        #expect(a == 5050)
        #expect(b == "second")
    }

    @Test("both runs its two sides at the same time")
    func bothOverlaps() {
        // Each side waits for the other's signal: run one after the other, the first would time out.
        let left = DispatchSemaphore(value: 0), right = DispatchSemaphore(value: 0)
        let (a, b) = Parallel.both(
            { () -> Bool in
                left.signal()
                return right.wait(timeout: .now() + 10) == .success
            },
            { () -> Bool in
                right.signal()
                return left.wait(timeout: .now() + 10) == .success
            })
        #expect(a && b)
    }

    /// libdispatch runs an apply nested in another apply on one thread: the job's file reads
    /// beside the history read were once serial so.
    @Test(
        "map inside either side of both still spreads over the cores",
        .enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2))
    func mapInsideBothSpreads() {
        @Sendable func rendezvous() -> Bool {
            let first = DispatchSemaphore(value: 0), second = DispatchSemaphore(value: 0)
            let met = Parallel.map(2) { index -> Bool in
                (index == 0 ? first : second).signal()
                return (index == 0 ? second : first).wait(timeout: .now() + 10) == .success
            }
            return met.allSatisfy { $0 }
        }
        let (a, b) = Parallel.both({ rendezvous() }, { rendezvous() })
        #expect(a, "map on the calling side ran its iterations one after the other")
        #expect(b, "map on the other side ran its iterations one after the other")
    }
}
