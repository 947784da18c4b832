import GRDB
import StatGuardCore

extension Store {
    /// Adds an account; false (and nothing written) when the name is taken.
    public func addUser(_ account: UserAccount) throws(StoreError) -> Bool {
        do {
            return try database.write { db in
                guard try Int.fetchOne(db, sql: "SELECT 1 FROM app_user WHERE name = ?", arguments: [account.name]) == nil else { return false }
                try db.execute(
                    sql: "INSERT INTO app_user (name, role, region, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [account.name, account.role.rawValue, account.region, account.passwordHash, account.disabled, account.createdAt])
                return true
            }
        } catch {
            throw StoreError(path: path, reason: .writeFailed("\(error)"))
        }
    }

    /// Disables or re-enables an account; false when there is no such account.
    public func setUserDisabled(_ name: String, _ disabled: Bool) throws(StoreError) -> Bool {
        do {
            return try database.write { db in
                try db.execute(sql: "UPDATE app_user SET disabled = ? WHERE name = ?", arguments: [disabled, name])
                return db.changesCount > 0
            }
        } catch {
            throw StoreError(path: path, reason: .writeFailed("\(error)"))
        }
    }

    /// Every account, by name (none in a store made before accounts existed).
    public func users() throws(StoreError) -> [UserAccount] {
        try read { db in
            guard try db.tableExists("app_user") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM app_user ORDER BY name").compactMap(Self.account)
        }
    }

    /// The account named `name`, or nil.
    public func user(named name: String) throws(StoreError) -> UserAccount? {
        try read { db in
            guard try db.tableExists("app_user") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE name = ?", arguments: [name]).flatMap(Self.account)
        }
    }

    /// The region code the enterprise's latest finding was filed under (the first of its latest period
    /// in the run's order), or nil when it has none.
    public func regionOfFindings(_ code: CreditCode) throws(StoreError) -> String? {
        try read { db in
            let findings = try FindingStorage(db, cache: findingCache)
            for period in try findings.periods().reversed() {
                if let first = try findings.findings(of: period, creditCode: code.description).first { return first.regionCode }
            }
            return nil
        }
    }

    static func account(_ row: Row) -> UserAccount? {
        guard let role = UserRole(rawValue: row["role"]) else { return nil }
        return UserAccount(
            name: row["name"], role: role, region: row["region"], passwordHash: row["password_hash"],
            disabled: row["disabled"], createdAt: row["created_at"])
    }
}
