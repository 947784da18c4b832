import StatGuardCore

/// A store that cannot be used: opened, locked, migrated or written.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Reason: Sendable {
        /// Another run holds the store's lock.
        case busy
        /// The database could not be opened or read.
        case unusable(String)
        /// A write failed; the transaction was rolled back and the store is as before.
        case writeFailed(String)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .busy:
            return "the store \(path) is in use by another run; wait for it to finish or use --store to load elsewhere"
        case .unusable(let message):
            return "cannot use the store \(path): \(message)"
        case .writeFailed(let message):
            return "writing to the store \(path) failed and was rolled back, the store is unchanged: \(message)"
        }
    }
}
