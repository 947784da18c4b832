import Dispatch
import StatGuardCore

extension CSVFileStream {
    /// Reads the file as ``read(onRow:)`` does, on two cores: another thread decodes and
    /// tokenizes the records into batches while this one hands them to `onRow`, in order.
    ///
    /// For one file read alone (`statguard check`), where tokenizing and typing a row cost
    /// about the same; a load reading several files at once keeps the cores busy already.
    /// The rows, the summary and any error are those of ``read(onRow:)``; memory grows by
    /// ``RecordChannel/batches`` batches of about `batchBytes` each.
    public func readPipelined(batchBytes: Int = 1 << 18, onRow: (RawRow) -> Bool) throws(IngestError) -> StreamSummary {
        let channel = RecordChannel(batchBytes: max(batchBytes, 1))
        let stream = self
        DispatchQueue.global().async {
            var batch = channel.emptyBatch()
            let outcome = Result { () throws(IngestError) -> StreamSummary in
                try stream.read { row in
                    guard let filling = batch else { return false }
                    filling.append(row)
                    guard filling.isFull else { return true }
                    channel.send(filling)
                    batch = channel.emptyBatch()
                    return batch != nil
                }
            }
            // The rows read before an error too, as read(onRow:) hands them on before it throws.
            if let batch { channel.send(batch) }
            channel.finish(outcome)
        }
        var stopped = false
        while let batch = channel.receive() {
            if !stopped {
                stopped = !batch.forEach(onRow)
                if stopped { channel.stop() }
            }
            channel.recycle(batch)
        }
        return try channel.outcome.get()
    }
}

/// The records of a stretch of the file, copied out of the tokenizer's buffers: owned by the
/// reading thread while it fills it, then by the calling thread while it hands the rows on.
final class RecordBatch: @unchecked Sendable {
    private struct Entry {
        let line: Int
        let lineCount: Int
        let problem: RecordProblem?
        let byteStart: Int
        let byteCount: Int
        let endStart: Int
        let endCount: Int
    }

    // One thread at a time owns the batch (the channel hands it over), so the arrays skip the runtime's
    // exclusivity bookkeeping, which took about 7% of the reading thread's time outside libcsv.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var ends: [Int] = []
    @exclusivity(unchecked) private var entries: [Entry] = []
    private let capacity: Int

    init(bytes capacity: Int) {
        self.capacity = capacity
        bytes.reserveCapacity(capacity + 4096)
        ends.reserveCapacity(capacity / 8)
        entries.reserveCapacity(capacity / 64)
    }

    /// Whether the batch holds enough to be handed over.
    var isFull: Bool { bytes.count >= capacity }

    func append(_ row: RawRow) {
        entries.append(Entry(
            line: row.line, lineCount: row.lineCount, problem: row.problem,
            byteStart: bytes.count, byteCount: row.bytes.count, endStart: ends.count, endCount: row.ends.count))
        bytes.append(contentsOf: row.bytes)
        ends.append(contentsOf: row.ends)
    }

    /// Calls `body` with every record in order until it returns false; whether it never did.
    func forEach(_ body: (RawRow) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                for e in entries {
                    let row = RawRow(
                        line: e.line, lineCount: e.lineCount, problem: e.problem,
                        bytes: UnsafeBufferPointer(rebasing: bytes[e.byteStart..<e.byteStart + e.byteCount]),
                        ends: UnsafeBufferPointer(rebasing: ends[e.endStart..<e.endStart + e.endCount]))
                    if !body(row) { return false }
                }
                return true
            }
        }
    }

    func clear() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}

/// Batches going from the reading thread to the calling thread and back, in order, with a
/// fixed number of batches in flight: the reader waits for a free one, so memory is bounded.
final class RecordChannel: @unchecked Sendable {
    /// Batches in flight: one being filled, one being handed on, and room between them for either side to run ahead.
    static let batches = 8

    private let lock = DispatchSemaphore(value: 1)
    private let filled = DispatchSemaphore(value: 0)
    /// Free batches (counted up from 0 in init: libdispatch traps on freeing a semaphore below its initial value,
    /// as this one is when reading stops early).
    private let free = DispatchSemaphore(value: 0)
    /// Batches handed over, oldest first; nil marks the end of the file.
    private var full: [RecordBatch?] = []
    private var empty: [RecordBatch]
    private var stopped = false
    /// What reading the file came to; set before the end is marked.
    private(set) var outcome: Result<StreamSummary, IngestError> = .success(StreamSummary())

    init(batchBytes: Int) {
        empty = (0..<Self.batches).map { _ in RecordBatch(bytes: batchBytes) }
        for _ in empty { free.signal() }
    }

    private func locked<R>(_ body: () -> R) -> R {
        lock.wait()
        defer { lock.signal() }
        return body()
    }

    /// A batch to fill, once one is free; nil when the calling thread wants no more rows.
    func emptyBatch() -> RecordBatch? {
        free.wait()
        return locked { stopped ? nil : empty.removeLast() }
    }

    func send(_ batch: RecordBatch) {
        locked { full.append(batch) }
        filled.signal()
    }

    /// Records how reading ended and marks the end.
    func finish(_ outcome: Result<StreamSummary, IngestError>) {
        locked {
            self.outcome = outcome
            full.append(nil)
        }
        filled.signal()
    }

    /// The next batch, waiting for it; nil at the end.
    func receive() -> RecordBatch? {
        filled.wait()
        return locked { full.removeFirst() }
    }

    func recycle(_ batch: RecordBatch) {
        batch.clear()
        locked { empty.append(batch) }
        free.signal()
    }

    /// Asks the reading thread to stop at its next batch.
    func stop() {
        locked { stopped = true }
    }
}
