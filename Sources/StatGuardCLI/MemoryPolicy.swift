import CGlibcMalloc

/// How the process asks glibc for memory.
///
/// A national load holds a few hundred columns of 500,000 values at a time, and lets go of
/// most of them between its stages (the history and the check context after the checks).
/// By default glibc raises its threshold for mapping a block on its own each time such a
/// block is freed, so the next stages' columns come from the heap around the holes the freed
/// ones left, and the resident set grows past what is alive: 1,216 MiB at the peak of a
/// national reload, against 894 MiB with a fixed threshold. At 4 MiB, credit-code columns
/// and larger blocks are mapped on their own and handed back when freed, while columns of
/// 500,000 numbers still reuse the heap without fresh pages to zero: a 1 MiB threshold gave
/// 874 MiB but took 1.06× the wall time (paired runs).
enum MemoryPolicy {
    /// Blocks of this size and larger are mapped on their own.
    static let mappedBlockBytes: Int32 = 4 << 20

    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, mappedBlockBytes)
    }
}
