import Foundation

/// A signed-in user's session: who, its CSRF token, and when it ends.
struct Session: Sendable {
    var user: String
    /// Sent back with every change (`X-CSRF-Token` or the form's `csrf_token`).
    var csrfToken: String
    var lastSeen: Date
    var started: Date
}

/// The server's sessions, in memory: a restart signs everyone out. A session ends after
/// `idleLimit` without a request or `lifetime` after sign-in, whichever comes first.
final class SessionBook: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    let idleLimit: TimeInterval
    let lifetime: TimeInterval
    let now: @Sendable () -> Date

    init(idleLimit: TimeInterval = 2 * 3600, lifetime: TimeInterval = 12 * 3600, now: @escaping @Sendable () -> Date = Date.init) {
        self.idleLimit = idleLimit
        self.lifetime = lifetime
        self.now = now
    }

    /// Starts a session for `user`; returns its cookie token and the session.
    func start(user: String) -> (token: String, session: Session) {
        let token = Token.random(), at = now()
        let session = Session(user: user, csrfToken: Token.random(), lastSeen: at, started: at)
        lock.withLock {
            sessions = sessions.filter { isLive($0.value, at: at) }
            sessions[token] = session
        }
        return (token, session)
    }

    /// The live session of `token`, marked as seen now; nil (and forgotten) when it has ended.
    func session(_ token: String) -> Session? {
        let at = now()
        return lock.withLock {
            guard var session = sessions[token] else { return nil }
            guard isLive(session, at: at) else {
                sessions[token] = nil
                return nil
            }
            session.lastSeen = at
            sessions[token] = session
            return session
        }
    }

    func end(_ token: String) {
        _ = lock.withLock { sessions.removeValue(forKey: token) }
    }

    private func isLive(_ session: Session, at: Date) -> Bool {
        at.timeIntervalSince(session.lastSeen) < idleLimit && at.timeIntervalSince(session.started) < lifetime
    }
}

/// Unguessable tokens for sessions and CSRF, and comparing them in constant time.
enum Token {
    /// 32 random bytes from the system's generator, as 64 hex digits.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// Whether `a` equals `b`, taking the same time wherever they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
