import Foundation
import GRDB
import StatGuardCore

/// Columns stored against an earlier period's (``ColumnCodec/zstdPrefix``).
///
/// A period's text, code and line columns are compressed with the same column of a
/// base period as zstd's prefix: the latest period up to two years before whose
/// columns of that file stand alone (so a store holds a standalone period every two
/// years at least, and the enterprises a base holds are still mostly reporting). So a base is never itself based, every column
/// decodes with at most one other, and a base is rewritten to stand alone before the
/// period it belongs to is replaced (``detachDependents(of:db:)``).
extension Store {
    /// The base period for `kind`'s columns of `period`: the latest period up to two years
    /// before with a credit-code column of `kind` that stands alone; nil when there is none.
    static func basePeriod(for kind: FileKind, period: Period, db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT period FROM period_column
            WHERE kind = ? AND name = 'credit_code' AND codec = ? AND period < ? AND period >= ?
            ORDER BY period DESC LIMIT 1
            """, arguments: [kind.rawValue, ColumnCodec.zstd.rawValue, period.description, period.adding(months: -24).description])
    }

    /// The body of the column `name` of `kind` in the base period `base` (nil when it has no such standalone column).
    static func baseBody(_ kind: FileKind, _ name: String, base: String, db: Database) throws -> [UInt8]? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT data, codec FROM period_column WHERE period = ? AND kind = ? AND name = ? AND base IS NULL",
            arguments: [base, kind.rawValue, name])
        else { return nil }
        guard try ColumnCodec.of(row[1]) == .zstd else { return nil }
        let data: Data = row[0]
        return try ColumnDecoder.open(data, codec: .zstd, prefix: nil).1
    }

    /// The prefix a stored column decodes with: its base column's body (taken from `cache` when a
    /// read of several periods already decompressed it), or nil when it has no base.
    static func prefix(
        base: String?, _ kind: FileKind, _ name: String, db: Database, cache: BaseBodies = BaseBodies()
    ) throws -> [UInt8]? {
        guard let base else { return nil }
        let key = "\(base) \(kind.rawValue) \(name)"
        if let body = cache.bodies[key] { return body }
        guard let body = try baseBody(kind, name, base: base, db: db) else {
            throw ColumnCodecError.malformed("base column \(base) \(kind).\(name) missing")
        }
        cache.bodies[key] = body
        return body
    }

    /// The stored BLOB of a column: against the base body when there is one, else on its own.
    static func stored(_ column: EncodedColumn, against base: [UInt8]?) -> (data: Data, codec: ColumnCodec) {
        (column.data(prefix: base), base == nil ? .zstd : .zstdPrefix)
    }

    /// Rewrites every column based on `period`'s to stand alone, so `period` can be replaced.
    static func detachDependents(of period: String, db: Database) throws {
        let dependents = try Row.fetchAll(
            db, sql: "SELECT rowid, kind, name, data FROM period_column WHERE base = ?", arguments: [period])
        for row in dependents {
            let kindName: String = row[1], name: String = row[2], data: Data = row[3]
            guard let kind = FileKind(rawValue: kindName), let base = try prefix(base: period, kind, name, db: db) else {
                throw ColumnCodecError.malformed("unknown file kind '\(kindName)'")
            }
            let (layout, body) = try ColumnDecoder.open(data, codec: .zstdPrefix, prefix: base)
            var alone = Data([layout.rawValue])
            alone.append(Zstd.compress(body))
            try db.execute(
                sql: "UPDATE period_column SET data = ?, codec = ?, base = NULL WHERE rowid = ?",
                arguments: [alone, ColumnCodec.zstd.rawValue, row[0]])
        }
    }
}

/// The base columns' bodies one read has decompressed: the periods of a history are mostly
/// based on the same period, whose columns are then decompressed once, not once a period.
final class BaseBodies {
    fileprivate var bodies: [String: [UInt8]] = [:]
}
