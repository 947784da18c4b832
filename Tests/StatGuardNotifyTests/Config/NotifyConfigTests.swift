import StatGuardConfig
import StatGuardCore
import Testing

/// The `notify:` list and `web_url:` of a pipeline file: what a valid one becomes, and where
/// a broken one is reported (file:line:column, key path, the nearest valid name).
@Suite("Pipeline notify settings load, or fail located")
struct NotifyConfigTests {
    static let path = "/srv/bureau/Pipelines/test.yaml"
    /// Lines 1-5 of every fixture: the smallest valid pipeline.
    static let minimal = """
        name: test-pipeline
        input:
          folder: ../data
          reports: reports/reports_{YYYYMM}.csv
          register: register/register.csv

        """
    static let loader = PipelineLoader(knownChecks: [])

    static func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
        do {
            _ = try loader.load(yaml: minimal + text, path: path)
            Issue.record("the pipeline loaded, but an error was expected", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    func expectLocated(
        _ error: ConfigError?, line: Int, column: Int, keyPath: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error else { return }
        #expect(error.line == line, "line of \(error)", sourceLocation: sourceLocation)
        #expect(error.column == column, "column of \(error)", sourceLocation: sourceLocation)
        #expect(error.keyPath == keyPath, sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("\(Self.path):\(line):\(column): \(keyPath): "), "\(error)", sourceLocation: sourceLocation)
    }

    @Test("the issue's example loads: channels in order, defaults, env names, web_url")
    func example() throws {
        let pipeline = try Self.loader.load(yaml: Self.minimal + """
            web_url: https://statguard.example.org/bureau
            notify:
              - name: 东区统计群
                kind: wecom
                url_env: SG_WECOM_EAST
                regions: ["510402"]
                min_severity: warning
                top: 10
              - name: 钉钉群
                kind: dingtalk
                url_env: SG_DING_URL
                secret_env: SG_DING_SECRET
                min_severity: error
                top: 25
              - name: 县局
                kind: email
                smtp_env: SG_SMTP_URL
                from: statguard@example.org
                to: [chief@example.org, deputy@example.org]
            """, path: Self.path)
        let channels = pipeline.notify.channels
        #expect(pipeline.notify.webURL == "https://statguard.example.org/bureau")
        #expect(channels.map(\.name) == ["东区统计群", "钉钉群", "县局"])
        #expect(channels[0] == ChannelConfig(name: "东区统计群", kind: .wecom, urlEnv: "SG_WECOM_EAST", regions: ["510402"]))
        #expect(channels[1].secretEnv == "SG_DING_SECRET" && channels[1].minSeverity == .error && channels[1].top == 25)
        #expect(channels[2].kind == .email && channels[2].smtpEnv == "SG_SMTP_URL" && channels[2].urlEnv == nil)
        #expect(channels[2].to == ["chief@example.org", "deputy@example.org"])
        #expect(channels[2].minSeverity == .warning && channels[2].top == 10 && channels[2].regions.isEmpty)
    }

    @Test("a file without notify has no channels")
    func none() throws {
        let pipeline = try Self.loader.load(yaml: Self.minimal, path: Self.path)
        #expect(pipeline.notify == NotifySettings())
    }

    @Test("an unknown kind is located at its value and names the nearest kind")
    func unknownKind() {
        let error = Self.error("""
            notify:
              - name: 东区统计群
                kind: wecon
                url_env: SG_WECOM_EAST
            """)
        expectLocated(error, line: 8, column: 11, keyPath: "notify[0].kind")
        #expect(error?.message.contains("unknown channel kind 'wecon'. Did you mean 'wecom'?") == true, "\(String(describing: error))")
        #expect(error?.message.contains("Known kinds: wecom, dingtalk, feishu, email") == true)
    }

    @Test("a webhook kind without url_env says which variable is missing", arguments: ["wecom", "dingtalk", "feishu"])
    func missingURLEnv(kind: String) {
        let error = Self.error("""
            notify:
              - name: 群
                kind: \(kind)
            """)
        expectLocated(error, line: 7, column: 5, keyPath: "notify[0].url_env")
        #expect(error?.message.contains("the key 'url_env' is required for a \(kind) channel") == true, "\(String(describing: error))")
    }

    @Test("a misspelt min_severity suggests the severity")
    func badSeverity() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url_env: SG_WECOM_EAST
                min_severity: warnign
            """)
        expectLocated(error, line: 10, column: 19, keyPath: "notify[0].min_severity")
        #expect(error?.message.contains("expected error, warning or info, found 'warnign'. Did you mean 'warning'?") == true)
    }

    @Test("top outside 1...100 or not whole is refused", arguments: ["0", "101", "2.5", "-1"])
    func topOutOfRange(value: String) {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url_env: SG_WECOM_EAST
                top: \(value)
            """)
        expectLocated(error, line: 10, column: 10, keyPath: "notify[0].top")
        let message = error?.message ?? ""
        #expect(message.contains("outside the allowed range 1.0...100.0") || message.contains("whole number of cases in 1...100"), "\(message)")
    }

    @Test("a literal url: is refused, told to use url_env, and its value is not repeated")
    func literalURL() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=FAKE-693a91f6
            """)
        expectLocated(error, line: 9, column: 5, keyPath: "notify[0].url")
        #expect(error?.message.contains("would put a secret into the pipeline file") == true)
        #expect(error?.message.contains("url_env") == true)
        #expect(error?.description.contains("FAKE-693a91f6") == false)
    }

    @Test("a literal secret: is refused and told to use secret_env")
    func literalSecret() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: dingtalk
                url_env: SG_DING_URL
                secret: SECabcdef0123456789
            """)
        expectLocated(error, line: 10, column: 5, keyPath: "notify[0].secret")
        #expect(error?.message.contains("secret_env") == true)
        #expect(error?.description.contains("SECabcdef0123456789") == false)
    }

    @Test("a URL given where a variable's name belongs is refused without repeating it")
    func urlInEnvName() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url_env: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=FAKE-693a91f6"
            """)
        expectLocated(error, line: 9, column: 14, keyPath: "notify[0].url_env")
        #expect(error?.message.contains("looks like a URL or credential") == true)
        #expect(error?.description.contains("FAKE-693a91f6") == false)
    }

    @Test("a malformed variable name is shown with what is allowed")
    func badEnvName() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url_env: 9-WECOM
            """)
        expectLocated(error, line: 9, column: 14, keyPath: "notify[0].url_env")
        #expect(error?.message.contains("letters, digits and '_', not starting with a digit), found '9-WECOM'") == true)
    }

    @Test("secret_env on a kind that does not sign is refused")
    func secretOnWeCom() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url_env: SG_WECOM_EAST
                secret_env: SG_SECRET
            """)
        expectLocated(error, line: 10, column: 5, keyPath: "notify[0].secret_env")
        #expect(error?.message.contains("wecom does not sign requests") == true)
    }

    @Test("an email channel needs smtp_env, from and to, with bare addresses")
    func emailFields() {
        let missing = Self.error("""
            notify:
              - name: 县局
                kind: email
                from: statguard@example.org
                to: [chief@example.org]
            """)
        expectLocated(missing, line: 7, column: 5, keyPath: "notify[0].smtp_env")
        let badAddress = Self.error("""
            notify:
              - name: 县局
                kind: email
                smtp_env: SG_SMTP_URL
                from: statguard@example.org
                to: ["chief@example.org\\r\\nBcc: all@example.org"]
            """)
        expectLocated(badAddress, line: 11, column: 10, keyPath: "notify[0].to[0]")
        #expect(badAddress?.message.contains("expected an e-mail address") == true)
    }

    @Test("an unknown key in a channel names the nearest key")
    func unknownKey() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url_env: SG_WECOM_EAST
                region: ["510402"]
            """)
        expectLocated(error, line: 10, column: 5, keyPath: "notify[0].region")
        #expect(error?.message.contains("unknown key 'region'. Did you mean 'regions'?") == true)
    }

    @Test("a region prefix must be 2 to 12 digits")
    func badRegion() {
        let error = Self.error("""
            notify:
              - name: 群
                kind: wecom
                url_env: SG_WECOM_EAST
                regions: ["51040A"]
            """)
        expectLocated(error, line: 10, column: 15, keyPath: "notify[0].regions[0]")
    }

    @Test("two channels with one name are refused at the second")
    func duplicateName() {
        let error = Self.error("""
            notify:
              - {name: 群, kind: wecom, url_env: A}
              - {name: 群, kind: wecom, url_env: B}
            """)
        expectLocated(error, line: 8, column: 12, keyPath: "notify[1].name")
    }

    @Test("web_url must be http(s) and must not carry an account")
    func webURL() {
        let scheme = Self.error("web_url: ftp://statguard.example.org\n")
        expectLocated(scheme, line: 6, column: 10, keyPath: "web_url")
        let account = Self.error("web_url: https://admin:hunter22@statguard.example.org\n")
        expectLocated(account, line: 6, column: 10, keyPath: "web_url")
        #expect(account?.description.contains("hunter22") == false)
    }
}
