import CGlibcMalloc

/// How the process asks glibc for memory.
///
/// A national load holds a few hundred columns of 500,000 values at a time, and lets go of
/// most of them between its stages (the history and the check context after the checks).
/// By default glibc raises its threshold for mapping a block on its own each time such a
/// column is freed, so the next stages' columns come from the heap around the holes the
/// freed ones left, and the resident set grows past what is alive (1.23 GB against 1.04 GB
/// for a national reload). With a fixed threshold every block of 1 MiB or more (a column of
/// 131,072 numbers) is mapped on its own and handed back when freed, for the same wall time.
enum MemoryPolicy {
    /// Blocks of this size and larger are mapped on their own.
    static let mappedBlockBytes: Int32 = 1 << 20

    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, mappedBlockBytes)
    }
}
