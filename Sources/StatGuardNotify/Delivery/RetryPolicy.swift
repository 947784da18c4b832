/// How often and how patiently one message is tried: exponential backoff on rate limits,
/// busy servers, HTTP 5xx and broken connections; never on a bad URL, token or signature.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries of one message, the first included.
    public var maxAttempts: Int
    /// The pause after the first failed try; each later pause doubles it.
    public var initialDelayMilliseconds: Int64
    /// No pause is longer.
    public var maxDelayMilliseconds: Int64

    public init(maxAttempts: Int = 5, initialDelayMilliseconds: Int64 = 2_000, maxDelayMilliseconds: Int64 = 30_000) {
        precondition(maxAttempts >= 1 && initialDelayMilliseconds >= 0 && maxDelayMilliseconds >= initialDelayMilliseconds)
        self.maxAttempts = maxAttempts
        self.initialDelayMilliseconds = initialDelayMilliseconds
        self.maxDelayMilliseconds = maxDelayMilliseconds
    }

    /// The pause after failed try `attempt` (1-based): 2 s, 4 s, 8 s, 16 s, 30 s … by default.
    public func delay(after attempt: Int) -> Int64 {
        var delay = initialDelayMilliseconds
        for _ in 1..<max(1, min(attempt, 40)) {
            delay = min(delay * 2, maxDelayMilliseconds)
        }
        return min(delay, maxDelayMilliseconds)
    }
}
