import StatGuardConfig

extension Notifier {
    /// What ``send(_:to:environment:)`` would send to each channel, for `statguard notify --dry-run`.
    ///
    /// Reads no environment variable, so it cannot show a URL or secret: each channel is named
    /// with the variables it would read. Chat messages are shown part by part with their sizes
    /// as the service counts them; a mail as its subject, recipients and text part.
    public static func dryRun(_ digest: Digest, to channels: [ChannelConfig]) -> String {
        var out = "StatGuard notify --dry-run · \(InertText.plain(digest.pipeline)) · \(digest.periodLabel) · \(channels.count) channel(s)\n"
        if channels.isEmpty { out += "The pipeline file names no channel under notify:.\n" }
        for channel in channels {
            let filtered = digest.filtered(for: channel)
            let regions = channel.regions.isEmpty ? "all regions" : "regions " + channel.regions.joined(separator: ", ")
            out += "\n== \(InertText.plain(channel.name)) (\(channel.kind.rawValue)) · \(regions) · min_severity \(channel.minSeverity.rawValue) · top \(channel.top)\n"
            if let chat = chatChannel(for: channel.kind) {
                let signing = channel.secretEnv.map { ", signed with $\($0)" } ?? ""
                out += "POST to the webhook in $\(channel.urlEnv ?? "?")\(signing)\n"
                let messages = chat.messages(for: filtered)
                for message in messages {
                    // A stand-in secret, so that a signed body is measured with its signature fields.
                    let secret = channel.secretEnv.map { _ in "dry-run" }
                    let size = chat.request(for: message, webhook: "", secret: secret, milliseconds: 1_700_000_000_000).body.count
                    out += "-- part \(message.part)/\(message.of) · \(InertText.plain(message.title)) · request body \(size) bytes --\n"
                    out += message.text
                    if !message.text.hasSuffix("\n") { out += "\n" }
                }
            } else {
                let message = EmailChannel().message(for: filtered, from: channel.from ?? "", to: channel.to)
                out += "SMTP via $\(channel.smtpEnv ?? "?") · from \(InertText.plain(message.from)) to \(message.to.map(InertText.plain).joined(separator: ", "))\n"
                out += "Subject: \(message.subject)\n"
                out += "-- text part (an HTML part of \(message.html.utf8.count) bytes goes with it) --\n"
                out += message.text
            }
        }
        return out
    }
}
