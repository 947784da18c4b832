import Foundation
import GRDB
import StatGuardCore

extension Store {
    /// The register as it stood at `period`: the register loaded with the latest
    /// period ≤ `period`, rebuilt from the stored changes. Rows are in credit-code order.
    public func register(asOf period: Period) throws(StoreError) -> ColumnTable? {
        try read { db in try Self.register(asOf: period, before: false, db: db) }
    }

    /// The first period after `period` with a stored register, if any.
    static func nextRegisterPeriod(after period: Period, db: Database) throws -> Period? {
        try String.fetchOne(
            db, sql: "SELECT MIN(period) FROM register_change WHERE period > ?", arguments: [period.description]
        ).flatMap(Period.init)
    }

    /// Rewrites the stored change of `period` so that it rebuilds `register`
    /// from whatever register now stands before it.
    func replaceRegisterChange(_ register: ColumnTable, period: Period, db: Database) throws {
        for table in ["register_change", "register_change_column"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE period = ?", arguments: [period.description])
        }
        try insertRegisterChange(register, period: period, db: db)
    }

    /// Stores the rows of `register` that are new or changed since the register
    /// before `period` (in credit-code order, so the same register always gives
    /// the same bytes), and the codes that left it.
    func insertRegisterChange(_ register: ColumnTable, period: Period, db: Database) throws {
        let diff = try Self.register(asOf: period, before: true, db: db).map { RegisterDiff(register, since: $0) }
            ?? RegisterDiff(allOf: register)
        let (changed, removed) = (diff.changed, diff.removed)
        let name = period.description
        try db.execute(
            sql: "INSERT INTO register_change (period, changed, removed) VALUES (?, ?, ?)",
            arguments: [name, changed.count, removed.count])
        let statement = try db.makeStatement(sql: "INSERT INTO register_change_column (period, name, data, codec) VALUES (?, ?, ?, ?)")
        for (column, data) in TableColumns.encode(register.selecting(changed)) {
            try statement.execute(arguments: [name, column, data, ColumnCodec.zstd.rawValue])
        }
        try statement.execute(arguments: [name, "_removed", ColumnEncoder.creditCodes(removed).data(), ColumnCodec.zstd.rawValue])
    }

    static func register(asOf period: Period, before: Bool, db: Database) throws -> ColumnTable? {
        let comparison = before ? "<" : "<="
        let periods = try Row.fetchAll(
            db, sql: "SELECT period, changed FROM register_change WHERE period \(comparison) ? ORDER BY period",
            arguments: [period.description])
        guard !periods.isEmpty else { return nil }
        var deltas: [ColumnTable] = []
        var latest: [RegisterEntry] = []  // in credit-code order
        let codecSQL = try StoreSchema.codec(in: "register_change_column", db: db)
        for entry in periods {
            let deltaPeriod: String = entry["period"]
            var decoder = TableDecoder(kind: .register, count: entry["changed"])
            let rows = try Row.fetchCursor(
                db, sql: "SELECT name, data, \(codecSQL) FROM register_change_column WHERE period = ?", arguments: [deltaPeriod])
            while let row = try rows.next() {
                let name: String = row[0]
                let codec = try ColumnCodec.of(row[2])
                try row.withUnsafeData(atIndex: 1) { data in try decoder.add(name, data ?? Data(), codec: codec) }
            }
            let table = decoder.table()
            let removed = try decoder.extraCreditCodes("_removed")
            if table.count > 0 || !removed.isEmpty {
                latest = Self.applying(table, delta: deltas.count, removing: removed, to: latest)
            }
            deltas.append(table)
        }
        var result = ColumnTable(kind: .register)
        var start = 0
        while start < latest.count {  // gather runs of rows from the same delta
            var end = start
            while end < latest.count && latest[end].delta == latest[start].delta { end += 1 }
            result.append(contentsOf: deltas[latest[start].delta].selecting(latest[start..<end].map(\.row)))
            start = end
        }
        return result
    }

    /// Where a register row stands: its code, the stored change holding it and its row there.
    typealias RegisterEntry = (code: CreditCode, delta: Int, row: Int)

    /// `latest` (in code order) after one stored change: its removed codes leave, then each of its
    /// rows comes in or replaces the entry with the same code (of rows sharing a code, the last).
    /// One merge of two code-ordered lists: no hashing, no sort when the change is in code order,
    /// as the store writes it.
    static func applying(
        _ change: ColumnTable, delta: Int, removing removed: [CreditCode], to latest: [RegisterEntry]
    ) -> [RegisterEntry] {
        let codes = change.creditCodes
        let inOrder = zip(codes, codes.dropFirst()).allSatisfy { $0 <= $1 }
        let order = inOrder ? Array(codes.indices) : codes.indices.sorted { (codes[$0], $0) < (codes[$1], $1) }
        var incoming: [RegisterEntry] = []
        incoming.reserveCapacity(order.count)
        for row in order {
            if let last = incoming.last, last.code == codes[row] { incoming.removeLast() }
            incoming.append((codes[row], delta, row))
        }
        let gone = Set(removed)
        var merged: [RegisterEntry] = []
        merged.reserveCapacity(latest.count + incoming.count)
        var i = 0, j = 0
        while i < latest.count || j < incoming.count {
            if j == incoming.count || (i < latest.count && latest[i].code < incoming[j].code) {
                if gone.isEmpty || !gone.contains(latest[i].code) { merged.append(latest[i]) }
                i += 1
            } else {
                if i < latest.count && latest[i].code == incoming[j].code { i += 1 }
                merged.append(incoming[j])
                j += 1
            }
        }
        return merged
    }
}
