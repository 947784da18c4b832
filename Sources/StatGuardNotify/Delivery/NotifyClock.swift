import Foundation

/// The time the notifier signs with and waits by, injectable so tests neither wait nor depend on the date.
public protocol NotifyClock: Sendable {
    /// Milliseconds since 1970-01-01 UTC (signatures carry it; DingTalk and Feishu refuse one more than an hour off).
    var milliseconds: Int64 { get }
    /// Waits `milliseconds`; throws `CancellationError` when the task is cancelled.
    func sleep(milliseconds: Int64) async throws
}

/// The machine's clock.
public struct SystemClock: NotifyClock {
    public init() {}

    public var milliseconds: Int64 {
        let value = (Date().timeIntervalSince1970 * 1000).rounded()
        return Int64(exactly: value) ?? 0
    }

    public func sleep(milliseconds: Int64) async throws {
        guard milliseconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
    }
}
