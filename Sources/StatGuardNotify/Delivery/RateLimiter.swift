/// At most `limit` messages in any `window` to one bot: WeCom and DingTalk allow 20 a minute
/// per robot (DingTalk throttles an offender for 10 minutes), Feishu more; StatGuard keeps all
/// of them to 20 a minute.
///
/// Each ``acquire(before:)`` reserves the earliest slot that keeps the window's count at
/// `limit`, then waits for it on the injected clock. Reserving before waiting keeps two channels
/// that share a bot (and so a limiter) from both taking the same slot.
public actor RateLimiter {
    public let limit: Int
    public let windowMilliseconds: Int64
    private let clock: any NotifyClock
    /// Reserved send times, ascending; those older than a window are dropped.
    private var slots: [Int64] = []

    public init(limit: Int = 20, windowMilliseconds: Int64 = 60_000, clock: any NotifyClock) {
        precondition(limit > 0 && windowMilliseconds > 0)
        self.limit = limit
        self.windowMilliseconds = windowMilliseconds
        self.clock = clock
    }

    /// Waits until one more message may go, and returns true; returns false at once, reserving
    /// nothing, when that moment is after `deadline` (milliseconds since 1970).
    public func acquire(before deadline: Int64 = .max) async throws -> Bool {
        let now = clock.milliseconds
        slots.removeAll { $0 <= now - windowMilliseconds }
        var slot = now
        if slots.count >= limit {
            slot = max(now, slots[slots.count - limit] + windowMilliseconds)
        }
        guard slot <= deadline else { return false }
        slots.append(slot)
        slots.sort()
        if slot > now { try await clock.sleep(milliseconds: slot - now) }
        return true
    }
}

/// The limiters of one process, one per bot, so that a range run's many digests share them.
actor RateLimiterBank {
    private var limiters: [String: RateLimiter] = [:]
    private let clock: any NotifyClock
    private let limit: Int
    private let window: Int64

    init(clock: any NotifyClock, limit: Int, windowMilliseconds: Int64) {
        self.clock = clock
        self.limit = limit
        self.window = windowMilliseconds
    }

    /// The limiter of the bot behind `key` (the channel's kind and variable name, never its URL).
    func limiter(for key: String) -> RateLimiter {
        if let limiter = limiters[key] { return limiter }
        let limiter = RateLimiter(limit: limit, windowMilliseconds: window, clock: clock)
        limiters[key] = limiter
        return limiter
    }
}
