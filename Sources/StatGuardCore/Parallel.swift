import Dispatch

/// Work spread over the machine's cores, results kept in order.
public enum Parallel {
    /// `body(i)` for every i in 0..<count, on every core; the results in index order.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
        return slots.values
    }

    /// Runs `first` on the calling thread while `second` runs on a thread of its own, and returns both results.
    ///
    /// Neither runs inside a `concurrentPerform`: libdispatch makes an apply nested in another one serial,
    /// so work either side spreads over the cores with ``map(_:_:)`` (the input files, the checks) still spreads.
    public static func both<A, B>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let b = Slots<B>(1)
        let done = DispatchSemaphore(value: 0)
        // A queue of its own gets a thread of its own, not one of the pool's, which `first` may use in full.
        DispatchQueue(label: "statguard.parallel.both").async {
            b.set(0, second())
            done.signal()
        }
        let a = first()
        done.wait()
        return (a, b.values[0])
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
