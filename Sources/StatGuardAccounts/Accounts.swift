import Foundation
import HummingbirdBcrypt
import StatGuardCore
import StatGuardStore

/// The workbench's accounts, kept in the pipeline's store: added, listed, disabled, and
/// checked at login. Passwords are kept only as bcrypt hashes (a random salt and a
/// work factor in each); there is no default account and no default password.
public struct Accounts: Sendable {
    public let store: Store
    /// bcrypt's work factor: 2^cost rounds (12 takes about a quarter of a second).
    public var cost: UInt8
    /// The time written on a new account (ISO 8601, UTC).
    public var now: @Sendable () -> String

    /// The shortest password accepted, in characters.
    public static let minimumPasswordLength = 10
    /// bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused.
    public static let maximumPasswordBytes = 72

    public init(store: Store, cost: UInt8 = 12, now: @escaping @Sendable () -> String = { ISO8601DateFormatter().string(from: Date()) }) {
        self.store = store
        self.cost = cost
        self.now = now
    }

    /// Adds an account with a fresh salted hash of `password`.
    public func add(name: String, role: UserRole, region: String, password: String) throws(AccountError) -> UserAccount {
        if let problem = Self.problem(name: name) { throw .invalid(problem) }
        if let problem = role.problem(region: region) { throw .invalid(problem) }
        if let problem = Self.problem(password: password) { throw .invalid(problem) }
        let account = UserAccount(
            name: name, role: role, region: region, passwordHash: Bcrypt.hash(password, cost: cost), createdAt: now())
        do {
            guard try store.addUser(account) else { throw AccountError.invalid("there is already a user named '\(name)'") }
        } catch let error as StoreError {
            throw .store(error)
        } catch let error as AccountError {
            throw error
        } catch {
            throw .invalid("\(error)")
        }
        return account
    }

    /// Every account, by name.
    public func list() throws(AccountError) -> [UserAccount] {
        do { return try store.users() } catch { throw .store(error) }
    }

    /// Disables (or, with `false`, re-enables) an account: its sessions stop at their next request.
    public func setDisabled(_ name: String, _ disabled: Bool = true) throws(AccountError) {
        let found: Bool
        do { found = try store.setUserDisabled(name, disabled) } catch { throw .store(error) }
        guard found else { throw .invalid("there is no user named '\(name)'") }
    }

    /// The enabled account `name` whose password is `password`, or nil. An unknown name costs
    /// the same hash as a known one, so the time taken does not tell which names exist.
    public func authenticate(name: String, password: String) throws(AccountError) -> UserAccount? {
        let account: UserAccount?
        do { account = try store.user(named: name) } catch { throw .store(error) }
        guard password.utf8.count <= Self.maximumPasswordBytes else { return nil }
        guard let account else {
            _ = Bcrypt.hash(password, cost: cost)
            return nil
        }
        guard Bcrypt.verify(password, hash: account.passwordHash), !account.disabled else { return nil }
        return account
    }

    /// The enabled account named `name`, or nil (a disabled or removed account ends its sessions).
    public func active(_ name: String) throws(AccountError) -> UserAccount? {
        do { return try store.user(named: name).flatMap { $0.disabled ? nil : $0 } } catch { throw .store(error) }
    }

    static func problem(name: String) -> String? {
        let scalars = name.unicodeScalars
        guard !name.isEmpty, name.count <= 64 else { return "a user name is 1 to 64 characters" }
        guard !scalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " || $0 == "/" }) else {
            return "a user name has no spaces, slashes or control characters"
        }
        return nil
    }

    static func problem(password: String) -> String? {
        if password.count < minimumPasswordLength { return "a password is at least \(minimumPasswordLength) characters" }
        if password.utf8.count > maximumPasswordBytes { return "a password is at most \(maximumPasswordBytes) bytes (bcrypt reads no more)" }
        return nil
    }
}

/// Why an account could not be added, changed or checked.
public enum AccountError: Error, CustomStringConvertible, Sendable {
    case invalid(String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .invalid(let message): message
        case .store(let error): error.description
        }
    }
}
