import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// Keeps what pushing `period`'s digest did, replacing an earlier push's record of the same channels.
    public func recordDeliveries(_ records: [DeliveryRecord], period: Period) throws(StoreError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try database.write { db in
                for record in records {
                    let json = String(decoding: try encoder.encode(record), as: UTF8.self)
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO delivery (period, channel, record_json) VALUES (?, ?, ?)",
                        arguments: [period.description, record.channel, json])
                }
            }
        } catch {
            throw StoreError(path: path, reason: .writeFailed("\(error)"))
        }
    }

    /// What the last push of `period`'s digest did, by channel name (empty before any push, or in an old store).
    public func deliveries(of period: Period) throws(StoreError) -> [DeliveryRecord] {
        try read { db in
            guard try db.tableExists("delivery") else { return [] }
            return try String.fetchAll(db, sql: "SELECT record_json FROM delivery WHERE period = ? ORDER BY channel", arguments: [period.description])
                .compactMap { try? JSONDecoder().decode(DeliveryRecord.self, from: Data($0.utf8)) }
        }
    }
}
