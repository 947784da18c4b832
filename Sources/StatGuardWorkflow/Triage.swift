import Foundation
import StatGuardCore
import StatGuardIngest
import StatGuardStore

/// Records statisticians' decisions on alert keys: one from the command line (or a web
/// form), or a whole import file, all or nothing. Each is checked against the store inside
/// the transaction that appends it, so a load running at the same time either sees it or
/// commits first (the decision then waits for it, up to the store's timeout).
///
/// A decision is about the key's latest occurrence: its period and observed figure are
/// logged with it, and the next load carries it from there.
public struct Triage: Sendable {
    public let store: Store
    /// The time written on each entry (ISO 8601, UTC).
    public var now: @Sendable () -> String

    public init(store: Store, now: @escaping @Sendable () -> String = Triage.utcNow) {
        self.store = store
        self.now = now
    }

    /// The current time as ISO 8601 in UTC.
    public static func utcNow() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// Records one decision; returns its audit entry, or nil when it changes nothing.
    public func decide(_ decision: Decision) throws(TriageError) -> AuditEntry? {
        let refusal = "Decision on '\(decision.key)' refused: "
        if let problem = decision.problem { throw .invalid(refusal + problem + ".") }
        do throws(Abandoned) {
            return try append(for: [decision.key]) { latest, log in
                guard let occurrence = latest[decision.key] else { throw DecisionProblem(Self.unknownKey(decision.key)) }
                let entries = log[decision.key] ?? []
                let current = StatusLedger.current(occurrence.status, watermark: occurrence.watermark, entries: entries)
                let latest = StatusLedger.latest(entries, upTo: occurrence.status.period)
                return [try decision.entry(on: current, latest: latest, at: now()).get()].compactMap { $0 }
            }.first
        } catch {
            switch error {
            case .store(let error): throw .store(error)
            case .refused(let problem): throw .invalid(refusal + problem + ".")
            case .rows(let list): throw .invalid(refusal + list.map(\.message).joined(separator: "; ") + ".")
            }
        }
    }

    /// What an import applied.
    public struct ImportOutcome: Sendable {
        /// The entries appended, in file order.
        public var applied: [AuditEntry]
        /// Rows left alone: same status and no new reason.
        public var unchanged: Int
    }

    /// Applies every row of an import file in one transaction, or none: any row that cannot
    /// be applied (bad key, status, period or number, unknown key, missing reason or name, a
    /// key twice) rejects the file with each problem's `file:line`. A row that changes nothing
    /// (its key's status as it is, no new reason) is left alone and needs no name.
    public func importFile(_ path: String) throws(TriageError) -> ImportOutcome {
        let file: TriageImport
        do { file = try TriageImport.read(path: path) } catch { throw .unreadable(error) }
        var problems = file.problems
        var lineOfKey: [AlertKey: Int] = [:]
        for row in file.rows {
            if let first = lineOfKey[row.decision.key] {
                problems.append((row.line, "'\(row.decision.key)' is already decided on line \(first)"))
            } else {
                lineOfKey[row.decision.key] = row.line
            }
        }
        func rejection(_ list: [(line: Int, message: String)]) -> TriageError {
            .invalidImport(file: path, problems: list.sorted { $0.line < $1.line }.map { "\(path):\($0.line): \($0.message)" })
        }
        if file.rows.isEmpty && !problems.isEmpty { throw rejection(problems) }
        var unchanged = 0
        do throws(Abandoned) {
            let applied = try append(for: Set(lineOfKey.keys)) { latest, log in
                var entries: [AuditEntry] = []
                var rowProblems = problems
                let at = now()
                for row in file.rows {
                    guard let occurrence = latest[row.decision.key] else {
                        rowProblems.append((row.line, Self.unknownKey(row.decision.key)))
                        continue
                    }
                    let keyLog = log[row.decision.key] ?? []
                    let current = StatusLedger.current(occurrence.status, watermark: occurrence.watermark, entries: keyLog)
                    let standing = StatusLedger.latest(keyLog, upTo: occurrence.status.period)
                    switch row.decision.entry(on: current, latest: standing, at: at) {
                    case .success(let entry?):
                        if let problem = row.decision.problem { rowProblems.append((row.line, problem)) } else { entries.append(entry) }
                    case .success(nil): unchanged += 1
                    case .failure(let problem): rowProblems.append((row.line, problem.message))
                    }
                }
                guard rowProblems.isEmpty else { throw RowProblems(list: rowProblems) }
                return entries
            }
            return ImportOutcome(applied: applied, unchanged: unchanged)
        } catch {
            switch error {
            case .store(let error): throw .store(error)
            case .rows(let list): throw rejection(list)
            case .refused(let message): throw rejection([(1, message)])
            }
        }
    }

    /// Why the store transaction of a triage was abandoned.
    private enum Abandoned: Error {
        case store(StoreError)
        case refused(String)
        case rows([(line: Int, message: String)])
    }

    private struct RowProblems: Error {
        var list: [(line: Int, message: String)]
    }

    /// Appends what `decide` returns inside one store transaction; nothing when it throws.
    private func append(
        for keys: Set<AlertKey>,
        _ decide: ([AlertKey: (status: AlertStatus, watermark: Int64)], [AlertKey: [AuditEntry]]) throws -> [AuditEntry]
    ) throws(Abandoned) -> [AuditEntry] {
        do {
            return try store.appendDecisions(for: keys) { latest, entries in
                try decide(latest, Dictionary(grouping: entries, by: \.key))
            }
        } catch let error as StoreError {
            throw .store(error)
        } catch let problem as DecisionProblem {
            throw .refused(problem.message)
        } catch let rows as RowProblems {
            throw .rows(rows.list)
        } catch {
            throw .refused("\(error)")
        }
    }

    static func unknownKey(_ key: AlertKey) -> String {
        "no alert '\(key)' in the store (keys are listed by 'statguard cases')"
    }

    static func unknownStatus(_ text: String) -> String {
        let names = TriageStatus.allCases.map(\.rawValue)
        let hint = NearestName.suggestion(for: text, among: names).map { " Did you mean '\($0)'?" } ?? ""
        return "unknown status '\(text)'.\(hint) Statuses: \(names.joined(separator: ", "))"
    }
}
