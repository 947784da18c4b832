@testable import StatGuardNotify
import Testing

/// At most `limit` messages in any window, waited for on the injected clock.
@Suite("Rate limits space messages per bot")
struct RateLimiterTests {
    @Test("20 a minute: the 21st waits for the first to leave the window")
    func spacing() async throws {
        let clock = FakeClock(milliseconds: 0)
        let limiter = RateLimiter(limit: 20, windowMilliseconds: 60_000, clock: clock)
        var times: [Int64] = []
        for _ in 0..<45 {
            #expect(try await limiter.acquire())
            times.append(clock.milliseconds)
        }
        #expect(times.prefix(20).allSatisfy { $0 == 0 })
        #expect(times[20..<40].allSatisfy { $0 == 60_000 })
        #expect(times[40...].allSatisfy { $0 == 120_000 })
        for (index, time) in times.enumerated() {
            #expect(times[index...].prefix { $0 < time + 60_000 }.count <= 20)
        }
    }

    @Test("a wait that would pass the deadline is refused at once and reserves nothing")
    func deadline() async throws {
        let clock = FakeClock(milliseconds: 0)
        let limiter = RateLimiter(limit: 2, windowMilliseconds: 10_000, clock: clock)
        #expect(try await limiter.acquire(before: 5_000))
        #expect(try await limiter.acquire(before: 5_000))
        #expect(try await limiter.acquire(before: 5_000) == false)
        #expect(clock.milliseconds == 0 && clock.sleeps.isEmpty)
        #expect(try await limiter.acquire(before: 10_000))
        #expect(clock.milliseconds == 10_000)
    }

    @Test("backoff doubles from 2 s and stops at 30 s")
    func backoff() {
        let policy = RetryPolicy()
        #expect((1...6).map(policy.delay(after:)) == [2_000, 4_000, 8_000, 16_000, 30_000, 30_000])
    }
}
