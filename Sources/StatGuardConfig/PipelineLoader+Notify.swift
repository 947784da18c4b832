import StatGuardCore

extension PipelineLoader {
    /// The keys a `notify:` entry may have.
    static let channelKeys = [
        "name", "kind", "url_env", "secret_env", "smtp_env", "from", "to", "regions", "min_severity", "top",
    ]

    /// Keys that would write a secret into the pipeline file, with the key to use instead.
    /// Refused by name, before the entry's other keys, and without repeating the value.
    static let literalSecretKeys: [String: String] = [
        "url": "url_env", "webhook": "url_env", "webhook_url": "url_env", "key": "url_env", "token": "url_env",
        "access_token": "url_env", "secret": "secret_env", "smtp": "smtp_env", "smtp_url": "smtp_env",
        "password": "smtp_env",
    ]

    /// Reads the top-level `notify:` list or `web_url:` into ``PipelineDefinition/notify``.
    ///
    /// Environment variables are not read here: a variable missing when a digest is sent
    /// is a delivery failure of that channel, not a configuration error. Only their names
    /// are checked, so that a URL pasted where a name belongs is caught at load.
    func readNotify(_ key: String, _ value: YAMLValue, into definition: inout PipelineDefinition) throws(ConfigError) {
        if key == "web_url" {
            definition.notify.webURL = try readWebURL(value)
            return
        }
        var channels: [ChannelConfig] = []
        var names: Set<String> = []
        for item in try value.list() {
            let channel = try readChannel(item)
            guard names.insert(channel.name).inserted else {
                let nameValue = try item.mapping().first { $0.key == "name" }!.value
                throw nameValue.error("channel name '\(channel.name)' appears twice; each channel needs its own name")
            }
            channels.append(channel)
        }
        definition.notify.channels = channels
    }

    private func readChannel(_ item: YAMLValue) throws(ConfigError) -> ChannelConfig {
        for (key, value) in try item.mapping() {
            if let instead = Self.literalSecretKeys[key] {
                throw value.keyError(
                    "'\(key)' would put a secret into the pipeline file. Put the value into an environment variable "
                        + "and name that variable with '\(instead)' (e.g. \(instead): SG_WECOM_EAST)")
            }
        }
        var fields: [String: YAMLValue] = [:]
        for (key, value) in try item.mapping(allowed: Self.channelKeys) { fields[key] = value }

        guard let nameValue = fields["name"] else { throw item.missingKey("name", " (how outcomes and logs refer to the channel)") }
        let name = try nameValue.string()
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw nameValue.error("expected a channel name on one line, found '\(name)'")
        }

        let kindNames = ChannelKind.allCases.map(\.rawValue)
        guard let kindValue = fields["kind"] else {
            throw item.missingKey("kind", " (one of \(kindNames.joined(separator: ", ")))")
        }
        let kindText = try kindValue.string()
        guard let kind = ChannelKind(rawValue: kindText) else {
            let hint = NearestName.suggestion(for: kindText, among: kindNames).map { " Did you mean '\($0)'?" } ?? ""
            throw kindValue.error("unknown channel kind '\(kindText)'.\(hint) Known kinds: \(kindNames.joined(separator: ", "))")
        }

        var channel = ChannelConfig(name: name, kind: kind)
        if let value = fields["url_env"] {
            guard kind.isWebhook else { throw value.keyError("an email channel takes smtp_env, not url_env") }
            channel.urlEnv = try environmentName(value)
        } else if kind.isWebhook {
            throw item.missingKey("url_env", " for a \(kind.rawValue) channel: the name of the environment variable holding the webhook URL")
        }
        if let value = fields["secret_env"] {
            guard kind.signs else {
                throw value.keyError("\(kind.rawValue) does not sign requests; secret_env applies to dingtalk and feishu only")
            }
            channel.secretEnv = try environmentName(value)
        }
        if let value = fields["smtp_env"] {
            guard kind == .email else { throw value.keyError("only email channels take smtp_env; a \(kind.rawValue) channel takes url_env") }
            channel.smtpEnv = try environmentName(value)
        } else if kind == .email {
            throw item.missingKey("smtp_env", " for an email channel: the name of the environment variable holding smtp:// or smtps://user:password@host:port")
        }
        for key in ["from", "to"] where fields[key] != nil && kind != .email {
            throw fields[key]!.keyError("only email channels take '\(key)'")
        }
        if kind == .email {
            guard let fromValue = fields["from"] else { throw item.missingKey("from", " (the sender's address)") }
            channel.from = try address(fromValue)
            guard let toValue = fields["to"] else { throw item.missingKey("to", " (a list of recipients' addresses)") }
            let items = try toValue.list()
            guard !items.isEmpty else { throw toValue.error("expected at least one recipient's address") }
            for entry in items { channel.to.append(try address(entry)) }
        }
        if let value = fields["regions"] {
            for entry in try value.list() {
                let prefix = try entry.string()
                guard (2...12).contains(prefix.count), prefix.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw entry.error("expected a region-code prefix of 2 to 12 digits such as '510402', found '\(prefix)'")
                }
                channel.regions.append(prefix)
            }
        }
        if let value = fields["min_severity"] {
            let text = try value.string()
            guard let severity = Severity(rawValue: text) else {
                let names = Severity.allCases.map(\.rawValue)
                let hint = NearestName.suggestion(for: text, among: names).map { " Did you mean '\($0)'?" } ?? ""
                throw value.error("expected error, warning or info, found '\(text)'.\(hint)")
            }
            channel.minSeverity = severity
        }
        if let value = fields["top"] {
            let range = ChannelConfig.topRange
            let number = try value.number(in: Double(range.lowerBound)...Double(range.upperBound))
            guard number == number.rounded() else {
                throw value.error("expected a whole number of cases in \(range.lowerBound)...\(range.upperBound), found \(number)")
            }
            channel.top = Int(number)
        }
        return channel
    }

    /// An environment variable's name: ASCII letters, digits and `_`, not starting with a digit.
    /// A value that looks like a URL or credential is not repeated in the error.
    private func environmentName(_ value: YAMLValue) throws(ConfigError) -> String {
        let text = try value.string()
        let wellFormed = (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            && !(0x30...0x39).contains(text.utf8.first!)
        guard wellFormed else {
            if text.contains("://") || text.contains("@") || text.contains("=") {
                throw value.error(
                    "expected the name of an environment variable, found what looks like a URL or credential. "
                        + "Put that value into an environment variable (e.g. export SG_WECOM_EAST='…') and give its name here")
            }
            throw value.error("expected the name of an environment variable (letters, digits and '_', not starting with a digit), found '\(text)'")
        }
        return text
    }

    /// A bare e-mail address (`name@host`): no display name, spaces, angle brackets or line breaks.
    private func address(_ value: YAMLValue) throws(ConfigError) -> String {
        let text = try value.string()
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden: Set<Character> = [" ", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\"", "\\"]
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !text.contains(where: { forbidden.contains($0) || $0.isNewline || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
        else {
            throw value.error("expected an e-mail address such as chief@example.org, found '\(text)'")
        }
        return text
    }

    /// The workbench's base address: `http://` or `https://`, a host, no credentials, no spaces.
    private func readWebURL(_ value: YAMLValue) throws(ConfigError) -> String {
        let text = try value.string()
        let shown = text.contains("@") ? "an address with a user name or password" : "'\(text)'"
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else {
            throw value.error("expected the workbench's address starting with http:// or https://, found \(shown)")
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else {
            throw value.error("expected the workbench's address such as https://statguard.example.org, found \(shown)")
        }
        guard !authority.contains("@") else {
            throw value.error("the workbench's address must not carry a user name or password: it is shown in every digest")
        }
        return text
    }
}
