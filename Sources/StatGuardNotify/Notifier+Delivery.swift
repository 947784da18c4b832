import Foundation
import StatGuardConfig

extension Notifier {
    /// One chat channel: its messages in order, each tried until delivered, refused or out of time.
    /// A part that finally fails ends the channel: the next part would meet the same refusal.
    func deliverChat(
        _ digest: Digest, chat: any ChatChannel, channel: ChannelConfig, environment: [String: String], deadline: Int64
    ) async -> DeliveryOutcome {
        let messages = chat.messages(for: digest)
        var outcome = DeliveryOutcome(channel: channel.name, kind: channel.kind, partsSent: 0, partsTotal: messages.count)
        let urlName = channel.urlEnv ?? ""
        guard let url = Self.value(of: urlName, in: environment) else {
            return Self.failed(outcome, DeliveryOutcome.Failure.environmentMissing, Self.unset(urlName, "the webhook URL"), permanent: true)
        }
        var secret: String?
        if let secretName = channel.secretEnv {
            guard let value = Self.value(of: secretName, in: environment) else {
                return Self.failed(outcome, DeliveryOutcome.Failure.environmentMissing, Self.unset(secretName, "the signing secret"), permanent: true)
            }
            secret = value
        }
        let mask = SecretMask([url] + (secret.map { [$0] } ?? []))
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", components.host?.isEmpty == false
        else {
            return Self.failed(outcome, DeliveryOutcome.Failure.badURL, "\(urlName) does not hold an http(s) URL", permanent: true)
        }
        let target = SecretMask.maskURL(url)
        let limiter = await limiterFor(channel, key: urlName)
        for message in messages {
            let place = messages.count > 1 ? "part \(message.part)/\(message.of)" : "the digest"
            var attempt = 0
            var failure: (code: String, message: String, permanent: Bool)?
            tries: while attempt < retry.maxAttempts {
                attempt += 1
                guard !Task.isCancelled, (try? await limiter.acquire(before: deadline)) == true else {
                    failure = (DeliveryOutcome.Failure.deadline, "\(place) not sent: the deadline passed (rate limit or retries)", false)
                    break tries
                }
                outcome.attempts += 1
                let request = chat.request(for: message, webhook: url, secret: secret, milliseconds: clock.milliseconds)
                let verdict: ReplyVerdict
                do {
                    let reply = try await transport.post(url: request.url, body: request.body, headers: request.headers)
                    verdict = chat.verdict(status: reply.status, body: reply.body)
                } catch {
                    if Task.isCancelled {
                        failure = (DeliveryOutcome.Failure.deadline, "\(place) cut off: the deadline passed", false)
                        break tries
                    }
                    verdict = .retry(code: DeliveryOutcome.Failure.transport, message: "\(error)")
                }
                switch verdict {
                case .delivered:
                    failure = nil
                    break tries
                case .permanent(let code, let text):
                    failure = (code, "\(place) refused by \(target): \(code) \(text)", true)
                    break tries
                case .rejected(let code, let text):
                    failure = (code, "\(place) refused by \(target): \(code) \(text)", false)
                    break tries
                case .retry(let code, let text):
                    failure = (code, "\(place) not taken by \(target) after \(attempt) tries: \(code) \(text)", false)
                    if attempt == retry.maxAttempts { break tries }
                    let pause = retry.delay(after: attempt)
                    var waited = false
                    if clock.milliseconds + pause <= deadline {
                        waited = (try? await clock.sleep(milliseconds: pause)) != nil
                    }
                    if !waited {
                        failure!.message += "; the deadline stopped further tries"
                        break tries
                    }
                }
            }
            if let failure {
                return Self.failed(outcome, failure.code, mask.scrub(failure.message), permanent: failure.permanent)
            }
            outcome.partsSent += 1
        }
        return outcome
    }

    /// The e-mail channel: one message, tried until delivered, refused or out of time.
    func deliverMail(_ digest: Digest, channel: ChannelConfig, environment: [String: String], deadline: Int64) async -> DeliveryOutcome {
        let outcome = DeliveryOutcome(channel: channel.name, kind: channel.kind, partsSent: 0, partsTotal: 1)
        let smtpName = channel.smtpEnv ?? ""
        guard let raw = Self.value(of: smtpName, in: environment) else {
            return Self.failed(outcome, DeliveryOutcome.Failure.environmentMissing, Self.unset(smtpName, "the SMTP server"), permanent: true)
        }
        guard let server = SMTPServer.parse(raw) else {
            return Self.failed(
                outcome, DeliveryOutcome.Failure.badURL, "\(smtpName) does not hold an smtp:// or smtps:// URL with a host",
                permanent: true)
        }
        let mask = SecretMask([raw] + [server.password].compactMap { $0 })
        let message = EmailChannel().message(for: digest, from: channel.from ?? "", to: channel.to)
        guard !channel.to.isEmpty, message.addressesAreSafe else {
            return Self.failed(outcome, DeliveryOutcome.Failure.badAddress, "the sender or a recipient is not a bare e-mail address", permanent: true)
        }
        let now = clock.milliseconds
        let domain = message.from.split(separator: "@").last.map(String.init) ?? "statguard"
        let bytes = message.mime(
            date: Date(timeIntervalSince1970: Double(now) / 1000),
            messageID: "statguard.\(digest.pipeline.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }).\(digest.period.compact).\(now)@\(domain)")
        var result = outcome
        var attempt = 0
        while attempt < retry.maxAttempts {
            attempt += 1
            guard !Task.isCancelled, clock.milliseconds <= deadline else {
                return Self.failed(result, DeliveryOutcome.Failure.deadline, "the mail was not sent: the deadline passed", permanent: false)
            }
            result.attempts += 1
            switch await mail.send(bytes, from: message.from, to: message.to, via: server) {
            case .delivered:
                result.partsSent = 1
                return result
            case .permanent(let code, let text):
                return Self.failed(result, code, mask.scrub("refused by \(server): \(text)"), permanent: true)
            case .rejected(let code, let text):
                return Self.failed(result, code, mask.scrub("refused by \(server): \(text)"), permanent: false)
            case .retry(let code, let text):
                let pause = retry.delay(after: attempt)
                var waited = false
                if attempt < retry.maxAttempts && clock.milliseconds + pause <= deadline {
                    waited = (try? await clock.sleep(milliseconds: pause)) != nil
                }
                if !waited {
                    return Self.failed(result, code, mask.scrub("not taken by \(server) after \(attempt) tries: \(text)"), permanent: false)
                }
            }
        }
        return result
    }

    private func limiterFor(_ channel: ChannelConfig, key: String) async -> RateLimiter {
        await limiters.limiter(for: "\(channel.kind.rawValue):\(key)")
    }

    /// A variable's value, nil when it is unset or blank.
    static func value(of name: String, in environment: [String: String]) -> String? {
        guard !name.isEmpty, let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    static func unset(_ name: String, _ what: String) -> String {
        name.isEmpty ? "the channel names no variable for \(what)" : "the environment variable \(name) (\(what)) is not set"
    }

    static func failed(_ outcome: DeliveryOutcome, _ code: String, _ message: String, permanent: Bool) -> DeliveryOutcome {
        var result = outcome
        result.errorCode = code
        result.errorMessage = message
        result.permanent = permanent
        return result
    }
}
