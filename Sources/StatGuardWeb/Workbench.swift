import Foundation
import Hummingbird
import Logging
import StatGuardAccounts
import StatGuardConfig
import StatGuardCore
import StatGuardStore

/// `statguard serve`: the statisticians' workbench over a pipeline's store. Pages are rendered
/// on the server with every asset inline (no CDN, fonts or scripts from elsewhere); the JSON
/// API answers the same questions for scripts. Every page and answer is bounded by the
/// signed-in user's region.
public struct Workbench: Sendable {
    /// How the server is set up.
    public struct Settings: Sendable {
        public var pipeline: PipelineDefinition
        /// The address to bind: loopback unless told otherwise.
        public var host: String = "127.0.0.1"
        public var port: Int = 8080
        /// Idle time and total time after which a session ends.
        public var sessionIdleLimit: TimeInterval = 2 * 3600
        public var sessionLifetime: TimeInterval = 12 * 3600

        public init(pipeline: PipelineDefinition) {
            self.pipeline = pipeline
        }
    }

    let settings: Settings
    let data: WorkbenchData
    let accounts: Accounts
    let sessions: SessionBook
    let throttle: LoginThrottle
    /// Waits before a throttled login's password is checked (a test passes one that records instead).
    let pause: @Sendable (TimeInterval) async -> Void

    /// Opens the pipeline's store for reading and deciding. Refuses a store without any enabled
    /// account: there is no default account, and the error says how to add one.
    public init(
        settings: Settings, clock: @escaping @Sendable () -> Date = Date.init,
        pause: @escaping @Sendable (TimeInterval) async -> Void = { try? await Task.sleep(for: .seconds($0)) }
    ) throws(WorkbenchError) {
        let store: Store
        do { store = try Store(path: settings.pipeline.storePath, access: .deciding) } catch { throw .store(error) }
        let accounts = Accounts(store: store)
        let users: [UserAccount]
        do { users = try accounts.list() } catch { throw .accounts(error) }
        guard users.contains(where: { !$0.disabled }) else { throw .noUsers(pipelinePath: settings.pipeline.file) }
        self.settings = settings
        self.accounts = accounts
        data = WorkbenchData(pipeline: settings.pipeline, store: store)
        sessions = SessionBook(idleLimit: settings.sessionIdleLimit, lifetime: settings.sessionLifetime, now: clock)
        throttle = LoginThrottle(now: clock)
        self.pause = pause
    }

    /// The application: routes, on the settings' address.
    public func application(logger: Logger = Logger(label: "statguard.serve")) -> some ApplicationProtocol {
        Application(
            router: router(), configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "StatGuard"),
            logger: logger)
    }

    /// Serves until the process is stopped. Meanwhile the latest period's cases and charted
    /// columns are read in the background, so the first pages do not wait for them.
    public func run(logger: Logger = Logger(label: "statguard.serve")) async throws {
        let warming = Task.detached(priority: .utility) { [data] in
            let started = Date()
            do {
                guard let period = try data.period(nil) else { return }
                _ = try data.allCases(period)
                try data.history.preload(through: period, count: EnterprisePage.periodsCharted)
                logger.info("ready", metadata: ["period": .string(period.description), "seconds": .string(String(format: "%.1f", Date().timeIntervalSince(started)))])
            } catch {
                logger.warning("could not read ahead: \(error)")
            }
        }
        defer { warming.cancel() }
        try await application(logger: logger).runService()
    }

    /// Every route: pages, forms, the JSON API and the health check.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in Reply.json(["status": "ok"]) }
        addSignIn(to: router)
        addPages(to: router)
        addAPI(to: router)
        return router
    }
}

/// Why the workbench cannot start.
public enum WorkbenchError: Error, CustomStringConvertible, Sendable {
    case store(StoreError)
    case accounts(AccountError)
    case noUsers(pipelinePath: String)

    public var description: String {
        switch self {
        case .store(let error): error.description
        case .accounts(let error): error.description
        case .noUsers(let path):
            "no user can sign in to this store (there is no default account); add one first: "
                + "statguard users add NAME --pipeline \(path) --role admin|county|town --region CODE --password-stdin"
        }
    }
}
