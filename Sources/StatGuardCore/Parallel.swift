import Dispatch

/// Work spread over the machine's cores, results kept in order.
public enum Parallel {
    /// `body(i)` for every i in 0..<count, on every core; the results in index order.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
        return slots.values
    }

    /// Runs `first` and `second` at the same time and returns both results.
    public static func both<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = Slots<A>(1), b = Slots<B>(1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { a.set(0, first()) } else { b.set(0, second()) }
        }
        return (a.values[0], b.values[0])
    }
}

/// One slot per task, each written once by its own task.
private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLockLike()

    init(_ count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.locked { storage[index] = value }
    }

    var values: [T] { lock.locked { storage.map { $0! } } }
}

/// A mutex from Dispatch (no Foundation needed in Core).
private final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)

    func locked<R>(_ body: () -> R) -> R {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}

/// A value handed from one task to another once: ``wait()`` blocks until ``put(_:)``.
public final class Handoff<T: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: T?

    public init() {}

    /// Hands `value` over; call once.
    public func put(_ value: T) {
        self.value = value
        ready.signal()
    }

    /// The value, once it was handed over.
    public func wait() -> T {
        ready.wait()
        ready.signal()  // later waits return at once
        return value!
    }
}
