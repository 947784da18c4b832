/// What pushing a load's digest to one channel did: kept in the store beside the load
/// and shown in quality.md and notify.json. It never names a URL, key or secret.
public struct DeliveryRecord: Sendable, Codable, Equatable {
    public var channel: String
    public var kind: String
    public var partsSent: Int
    public var partsTotal: Int
    public var attempts: Int
    /// The service's error code, or the notifier's own (`env_missing`, `deadline`…); nil when delivered.
    public var errorCode: String?
    public var errorMessage: String?
    /// Whether the failure will not go away by retrying (bad URL, token or signature).
    public var permanent: Bool

    public init(
        channel: String, kind: String, partsSent: Int, partsTotal: Int, attempts: Int, errorCode: String?, errorMessage: String?,
        permanent: Bool
    ) {
        self.channel = channel
        self.kind = kind
        self.partsSent = partsSent
        self.partsTotal = partsTotal
        self.attempts = attempts
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.permanent = permanent
    }

    public var delivered: Bool { errorCode == nil && partsSent == partsTotal }
}
