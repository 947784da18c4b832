import Foundation
import GRDB
import StatGuardCore

/// The embedded SQLite store: register with its history, the periods' data,
/// capacity, admin data, one row per load, quarantined rows and findings.
///
/// Period data is kept columnar: one compressed BLOB per (period, file kind, column), so
/// a national month is written and read with a few dozen statements; so are its findings
/// (one BLOB per period and field, ``FindingColumns``). Loading
/// a period again replaces it in one transaction; a run that dies mid-load
/// leaves the store as it was. A writing store holds an exclusive lock file, so
/// a second run on the same store is refused instead of interleaving. Within a
/// run, threads may share it: GRDB's `DatabaseQueue` serializes every access.
///
/// Statisticians' decisions (``Access/deciding``) take no lock: each is one short
/// transaction that SQLite serializes with a load's. While a load holds its write
/// transaction a decision waits (up to a minute) and then fails with nothing written;
/// one that gets in first is seen by the load's carry-over. Readers never wait: the store
/// is in write-ahead-log mode, and a reader sees the last committed period.
public final class Store: @unchecked Sendable {
    /// How a store is opened.
    public enum Access: Sendable {
        /// Only reads; the store must exist and is not migrated.
        case reading
        /// A load: takes the exclusive lock, creates and migrates the store.
        case loading
        /// Triage decisions: no lock, migrates an existing store, waits for a running load's transaction.
        case deciding
    }

    public let path: String
    let database: DatabaseQueue
    private let lock: StoreLock?
    /// The decoded findings of the periods read last (the workbench reads one enterprise after another).
    let findingCache = FindingCache()

    /// Opens (creating and migrating when needed) the store at `path`.
    /// - Parameter writing: take the exclusive lock for a load; read-only users pass false.
    public convenience init(path: String, writing: Bool) throws(StoreError) {
        try self.init(path: path, access: writing ? .loading : .reading)
    }

    /// Opens the store at `path` for `access`.
    public init(path: String, access: Access) throws(StoreError) {
        self.path = path
        let writing = access == .loading
        if writing {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            lock = try StoreLock(storePath: path)
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError(path: path, reason: .unusable("no store here yet; load a period with 'statguard run' first"))
            }
            lock = nil
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(access == .deciding ? 60 : 10)
            configuration.label = "StatGuardStore"
            // Column BLOBs are read through a memory map rather than copied by read() calls.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Self.mapSize)") }
            database = try DatabaseQueue(path: path, configuration: configuration)
            if writing {
                try database.writeWithoutTransaction { db in
                    // Large pages suit multi-megabyte BLOBs (set before the first table exists).
                    // Write-ahead logging lets the workbench and `cases` read the last committed
                    // period while a load writes the next: neither waits for the other.
                    try db.execute(sql: "PRAGMA page_size = 65536")
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
            if access != .reading { try StoreSchema.migrator.migrate(database) }
        } catch {
            throw StoreError(path: path, reason: .unusable("\(error)"))
        }
    }

    /// The largest map SQLite takes of the file (just under 2 GiB).
    static let mapSize = 2_147_418_112

    /// Maps the store file for reading again, or unmaps it: the pages read through the map count
    /// in the process's resident set until it is gone (a national history maps 200 MB). A load
    /// unmaps the file once its history is read; what it writes never went through the map.
    public func setMemoryMapped(_ mapped: Bool) throws(StoreError) {
        do {
            try database.inDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(mapped ? Self.mapSize : 0)") }
        } catch {
            throw StoreError(path: path, reason: .unusable("\(error)"))
        }
    }

    /// The periods holding data, oldest first.
    public func loadedPeriods() throws(StoreError) -> [Period] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT period FROM period_load ORDER BY period").compactMap(Period.init)
        }
    }


    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, reason: .unusable("\(error)"))
        }
    }
}
