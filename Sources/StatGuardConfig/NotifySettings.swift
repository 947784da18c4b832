import StatGuardCore

/// Where a load's digest is pushed: the pipeline file's `notify:` list and its `web_url:`.
///
/// Only the *names* of environment variables live here. Webhook URLs, signing
/// secrets and SMTP credentials are read from the environment when a digest is
/// sent, so a pipeline file can be committed and shared without leaking a bot's key.
public struct NotifySettings: Sendable, Equatable {
    /// The channels in file order.
    public var channels: [ChannelConfig]
    /// The workbench's address, linked from every digest (`web_url:`); nil when the file gives none.
    public var webURL: String?

    public init(channels: [ChannelConfig] = [], webURL: String? = nil) {
        self.channels = channels
        self.webURL = webURL
    }
}

/// The services a digest can be pushed to.
public enum ChannelKind: String, CaseIterable, Sendable {
    /// 企业微信 group robot (markdown message).
    case wecom
    /// 钉钉 custom robot (markdown message, optional 加签).
    case dingtalk
    /// 飞书 custom bot (interactive card, optional signature).
    case feishu
    /// E-mail over SMTP (plain text + HTML).
    case email

    /// Whether the channel posts to a webhook (and so needs `url_env`).
    public var isWebhook: Bool { self != .email }

    /// Whether the service signs requests with a secret (`secret_env`).
    public var signs: Bool { self == .dingtalk || self == .feishu }
}

/// One entry of `notify:`: a group chat's bot or a mail route, and what it receives.
public struct ChannelConfig: Sendable, Equatable {
    /// The channel's name as the file gives it (e.g. `东区统计群`); unique within the file.
    public var name: String
    public var kind: ChannelKind
    /// The environment variable holding the webhook URL (webhook kinds).
    public var urlEnv: String?
    /// The environment variable holding the signing secret (DingTalk 加签, Feishu 签名校验); nil: unsigned.
    public var secretEnv: String?
    /// The environment variable holding `smtp://` or `smtps://user:password@host:port` (e-mail).
    public var smtpEnv: String?
    /// The sender address (e-mail).
    public var from: String?
    /// The recipients (e-mail).
    public var to: [String]
    /// Region-code prefixes whose cases this channel receives; empty: all regions.
    public var regions: [String]
    /// The least severe case the channel receives.
    public var minSeverity: Severity
    /// How many new or reopened cases the digest lists at most.
    public var top: Int

    /// The default of ``minSeverity``: chats hear about warnings and errors, not notices.
    public static let defaultMinSeverity = Severity.warning
    /// The default of ``top``.
    public static let defaultTop = 10
    /// The values `top` may take.
    public static let topRange = 1...100

    public init(
        name: String, kind: ChannelKind, urlEnv: String? = nil, secretEnv: String? = nil, smtpEnv: String? = nil,
        from: String? = nil, to: [String] = [], regions: [String] = [],
        minSeverity: Severity = ChannelConfig.defaultMinSeverity, top: Int = ChannelConfig.defaultTop
    ) {
        self.name = name
        self.kind = kind
        self.urlEnv = urlEnv
        self.secretEnv = secretEnv
        self.smtpEnv = smtpEnv
        self.from = from
        self.to = to
        self.regions = regions
        self.minSeverity = minSeverity
        self.top = top
    }

    /// Whether a region code (12 digits, or a county/town prefix) falls under ``regions``.
    public func routes(regionCode: String) -> Bool {
        regions.isEmpty || regions.contains { regionCode.hasPrefix($0) }
    }
}
