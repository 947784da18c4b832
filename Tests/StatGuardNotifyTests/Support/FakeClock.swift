import Foundation
import StatGuardNotify

/// A clock that starts at a fixed time and moves only when someone sleeps on it: backoff
/// and rate-limit waits take no real time, and are recorded.
final class FakeClock: NotifyClock, @unchecked Sendable {
    private let lock = NSLock()
    private var now: Int64
    private var pauses: [Int64] = []

    /// 2023-11-14T22:13:20Z, the time of the signature test vectors.
    init(milliseconds: Int64 = 1_700_000_000_000) { now = milliseconds }

    var milliseconds: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return now
    }

    /// Every wait asked for, in order.
    var sleeps: [Int64] {
        lock.lock()
        defer { lock.unlock() }
        return pauses
    }

    func sleep(milliseconds: Int64) async throws {
        try Task.checkCancellation()
        advance(milliseconds)
    }

    private func advance(_ milliseconds: Int64) {
        lock.lock()
        now += max(0, milliseconds)
        pauses.append(milliseconds)
        lock.unlock()
    }
}
