import Foundation

/// The decoded finding columns of the periods a store read last, each with the load that wrote
/// them: the workbench asking for one enterprise's findings after another decodes a period's
/// columns once, not once a request. A reload writes a new load, so a period is never read stale.
///
/// Shared by the threads of one ``Store`` (a lock guards it); holds two periods at most.
final class FindingCache: @unchecked Sendable {
    private struct Entry {
        let period: String
        let loadID: Int64
        let columns: FindingColumns
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    private let capacity = 2

    /// The columns of `period` as written by load `loadID`, if cached.
    func columns(of period: String, loadID: Int64) -> FindingColumns? {
        lock.withLock {
            guard let index = entries.firstIndex(where: { $0.period == period && $0.loadID == loadID }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.columns
        }
    }

    /// Keeps `columns` as `period`'s from load `loadID`, forgetting the period read longest ago beyond ``capacity``.
    func keep(_ columns: FindingColumns, of period: String, loadID: Int64) {
        lock.withLock {
            entries.removeAll { $0.period == period }
            entries.append(Entry(period: period, loadID: loadID, columns: columns))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
    }
}
