import StatGuardConfig

/// What became of one channel's digest: for run.json and quality.md, and for the log.
///
/// Holds no URL, key or secret: channels are named by their pipeline-file name, and error
/// messages cite masked URLs and environment variable names only.
public struct DeliveryOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The channel's name in the pipeline file.
    public var channel: String
    public var kind: ChannelKind
    /// Parts (messages) the service took.
    public var partsSent: Int
    /// Parts the digest was split into (1 for mail).
    public var partsTotal: Int
    /// Tries made, retries included.
    public var attempts: Int
    /// The last failure's code: the service's own (`93000`, `310000`, `19021`), `http_503`,
    /// `curl_67`, or one of ``Failure``'s; nil when every part was delivered.
    public var errorCode: String?
    /// The last failure in words, secrets masked.
    public var errorMessage: String?
    /// Whether the failure lasts until someone fixes the channel (a missing variable, a bad URL,
    /// token or signature); false for a rate limit or outage that outlasted the retries.
    public var permanent: Bool

    /// Codes of failures the notifier finds itself.
    public enum Failure {
        /// The channel's environment variable is not set or empty.
        public static let environmentMissing = "env_missing"
        /// The variable holds no usable http(s) or smtp(s) URL.
        public static let badURL = "bad_url"
        /// An e-mail address that could break a header.
        public static let badAddress = "bad_address"
        /// The overall deadline passed before every part was delivered.
        public static let deadline = "deadline"
        /// The request never got an answer (connection refused, timeout).
        public static let transport = "transport"
    }

    public init(
        channel: String, kind: ChannelKind, partsSent: Int, partsTotal: Int, attempts: Int = 0, errorCode: String? = nil,
        errorMessage: String? = nil, permanent: Bool = false
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

    /// Every part reached the service.
    public var delivered: Bool { errorCode == nil && partsSent == partsTotal }

    /// One line for the log: `东区统计群 (wecom): sent 2/2` or `… sent 0/2, failed 93000 (permanent): …`.
    public var description: String {
        let head = "\(channel) (\(kind.rawValue)): sent \(partsSent)/\(partsTotal)"
        guard let errorCode else { return head }
        return "\(head), failed \(errorCode)\(permanent ? " (permanent)" : ""): \(errorMessage ?? "")"
    }
}
