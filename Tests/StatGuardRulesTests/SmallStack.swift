import Foundation

/// Runs `body` on a new thread with a 512 KiB stack, as a Dispatch worker
/// might have, and waits for it: a stack overflow there crashes the test run.
func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
}
