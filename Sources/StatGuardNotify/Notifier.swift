import Foundation
import StatGuardConfig

/// Pushes a load's digest to its channels: each channel's filtered digest, rendered for its
/// service, split to its size limit, rate limited per bot, retried with backoff, within one
/// overall deadline.
///
/// The job calls ``send(_:to:environment:)`` after its store commit. A push never fails the
/// load and never holds it up past the deadline: `send` does not throw, and every channel
/// ends with a ``DeliveryOutcome`` (delivered, refused, or cut off by the deadline). Reuse one
/// notifier for a range run, so that its per-bot rate limits hold across the periods' digests.
public struct Notifier: Sendable {
    public var transport: any WebhookTransport
    public var mail: any MailTransport
    public var clock: any NotifyClock
    public var retry: RetryPolicy
    /// How long one ``send(_:to:environment:)`` may take, all channels together.
    public var deadlineMilliseconds: Int64
    /// How long past the deadline, in real time, a channel that ignores cancellation is waited for.
    var hardStopGraceMilliseconds: Int64 = 5_000
    let limiters: RateLimiterBank

    /// - Parameters:
    ///   - rateLimit: messages per bot per `rateWindowMilliseconds` (20 a minute: WeCom's and DingTalk's limit).
    public init(
        transport: any WebhookTransport = URLSessionTransport(), mail: any MailTransport = CurlMailTransport(),
        clock: any NotifyClock = SystemClock(), retry: RetryPolicy = RetryPolicy(), deadlineMilliseconds: Int64 = 120_000,
        rateLimit: Int = 20, rateWindowMilliseconds: Int64 = 60_000
    ) {
        self.transport = transport
        self.mail = mail
        self.clock = clock
        self.retry = retry
        self.deadlineMilliseconds = deadlineMilliseconds
        self.limiters = RateLimiterBank(clock: clock, limit: rateLimit, windowMilliseconds: rateWindowMilliseconds)
    }

    /// The wire format of a chat kind; nil for e-mail.
    public static func chatChannel(for kind: ChannelKind) -> (any ChatChannel)? {
        switch kind {
        case .wecom: WeComChannel()
        case .dingtalk: DingTalkChannel()
        case .feishu: FeishuChannel()
        case .email: nil
        }
    }

    /// Sends `digest` to every channel at once and returns their outcomes in the channels' order.
    ///
    /// URLs, secrets and SMTP accounts are read from `environment` now, by the names the
    /// pipeline file gives; a missing one is that channel's failure (``DeliveryOutcome/Failure/environmentMissing``).
    /// When the deadline passes, channels still sending are cancelled and report
    /// ``DeliveryOutcome/Failure/deadline`` with the parts they had sent.
    public func send(
        _ digest: Digest, to channels: [ChannelConfig], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> [DeliveryOutcome] {
        guard !channels.isEmpty else { return [] }
        let deadline = clock.milliseconds + deadlineMilliseconds
        let collector = OutcomeCollector(count: channels.count)
        let tasks = channels.enumerated().map { index, channel in
            Task {
                let outcome = await deliver(digest, to: channel, environment: environment, deadline: deadline)
                await collector.put(index, outcome)
            }
        }
        // The hard stop, in real time: at the deadline every channel still sending is cancelled;
        // one that does not answer its cancellation within the grace is left behind, not waited for.
        let watchdog = Task { [deadlineMilliseconds, hardStopGraceMilliseconds] in
            guard (try? await Task.sleep(nanoseconds: UInt64(max(0, deadlineMilliseconds)) * 1_000_000)) != nil else { return }
            for task in tasks { task.cancel() }
            try? await Task.sleep(nanoseconds: UInt64(max(0, hardStopGraceMilliseconds)) * 1_000_000)
            await collector.finish()
        }
        let outcomes = await collector.wait()
        watchdog.cancel()
        for task in tasks { task.cancel() }
        return outcomes.enumerated().map { index, outcome in
            outcome ?? DeliveryOutcome(
                channel: channels[index].name, kind: channels[index].kind, partsSent: 0, partsTotal: 0,
                errorCode: DeliveryOutcome.Failure.deadline,
                errorMessage: "the deadline passed and the channel did not stop in time; what it sent is unknown")
        }
    }

    private func deliver(_ digest: Digest, to channel: ChannelConfig, environment: [String: String], deadline: Int64) async -> DeliveryOutcome {
        let filtered = digest.filtered(for: channel)
        if let chat = Self.chatChannel(for: channel.kind) {
            return await deliverChat(filtered, chat: chat, channel: channel, environment: environment, deadline: deadline)
        }
        return await deliverMail(filtered, channel: channel, environment: environment, deadline: deadline)
    }
}

/// The channels' outcomes as they come in; handed over when all are in or the hard stop says so.
private actor OutcomeCollector {
    private var outcomes: [DeliveryOutcome?]
    private var remaining: Int
    private var finished = false
    private var waiter: CheckedContinuation<[DeliveryOutcome?], Never>?

    init(count: Int) {
        outcomes = Array(repeating: nil, count: count)
        remaining = count
    }

    func put(_ index: Int, _ outcome: DeliveryOutcome) {
        guard !finished else { return }
        outcomes[index] = outcome
        remaining -= 1
        if remaining == 0 { finish() }
    }

    func finish() {
        guard !finished else { return }
        finished = true
        waiter?.resume(returning: outcomes)
        waiter = nil
    }

    func wait() async -> [DeliveryOutcome?] {
        if finished { return outcomes }
        return await withCheckedContinuation { waiter = $0 }
    }
}
