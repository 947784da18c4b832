import Foundation

/// Slows repeated failed logins: after a name's third failure within a quarter of an hour,
/// each further attempt for that name waits twice as long as the one before (up to 30 s),
/// the right password included, so guessing costs time whoever is guessing.
final class LoginThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String: (count: Int, last: Date)] = [:]
    let window: TimeInterval = 15 * 60
    let freeAttempts = 3
    let maximumDelay: TimeInterval = 30
    let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    /// How long an attempt for `name` waits before its password is checked.
    func delay(for name: String) -> TimeInterval {
        lock.withLock {
            guard let record = failures[name], now().timeIntervalSince(record.last) < window else { return 0 }
            let over = record.count - freeAttempts
            guard over >= 0 else { return 0 }
            return min(maximumDelay, 0.5 * pow(2, Double(min(over, 16))))
        }
    }

    /// Counts a failed attempt; returns how many failures the name has in the window.
    @discardableResult
    func failed(_ name: String) -> Int {
        lock.withLock {
            let at = now()
            var record = failures[name].flatMap { at.timeIntervalSince($0.last) < window ? $0 : nil } ?? (count: 0, last: at)
            record.count += 1
            record.last = at
            if failures.count > 10_000 { failures = failures.filter { at.timeIntervalSince($0.value.last) < window } }
            failures[name] = record
            return record.count
        }
    }

    func succeeded(_ name: String) {
        _ = lock.withLock { failures.removeValue(forKey: name) }
    }
}
