import StatGuardCore

/// Carries earlier decisions into a period: the statuses of its key occurrences, and the
/// changes the load itself makes (its audit entries). A pure function of the keys that fire,
/// the audit log and the revisions of this load.
///
/// - A new key is `open`; a key in review stays in review.
/// - An `explained` or `false_alarm` key whose figure is within ``band`` of the figure it was
///   decided on stays decided, with `carried_from` the decision's period (已说明（沿用2024-10）).
///   Outside the band, or after its `valid_until`, it reopens with the reason. A key whose
///   figure is not a number (or was decided without one) stays decided.
/// - A `confirmed` or `corrected` key that fires again in a later period reopens flagged as a
///   repeat (回头看).
/// - On a reload, a key that fired in the period's previous load, no longer fires, is not
///   settled (open, in review or confirmed) and whose enterprise changed figures becomes
///   `corrected`, with the old and new figures as evidence.
///
/// `first_seen` and `occurrences` continue the key's run when it fired in the reporting
/// period before, and start anew otherwise.
public struct CarryOver: Sendable {
    public var period: Period
    /// How far a figure may move for a decision to hold, as a share of the decided figure.
    public var band: Double
    /// When the load runs (ISO 8601), written on its audit entries.
    public var at: String

    public init(period: Period, band: Double = WorkflowSettings.defaultBand, at: String) {
        self.period = period
        self.band = band
        self.at = at
    }

    /// The period's statuses and the load's own audit entries.
    public func apply(_ observations: [KeyObservation], history: AlertHistory, revisions: [FigureRevision] = []) -> AlertUpdate {
        let log = Dictionary(grouping: history.entries, by: \.key)
        let before = Dictionary(history.lastPeriod.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var update = AlertUpdate()
        for observation in observations {
            let entries = log[observation.key] ?? []
            var status = AlertStatus.new(observation.key, period: period, observed: observation.observed, score: observation.score)
            if let last = before[observation.key] {
                status.firstSeen = last.firstSeen
                status.occurrences = last.occurrences + 1
                status.since = last.firstSeen
            }
            carry(StatusLedger.base(entries, for: period), into: &status)
            let current = StatusLedger.latest(entries, upTo: period)?.to ?? .open
            if status.status != current {
                update.entries.append(AuditEntry(
                    key: observation.key, period: period, at: at, by: AuditEntry.loadAuthor, from: current, to: status.status,
                    reason: status.reason, decidedValue: observation.observed, isAutomatic: true))
            }
            update.statuses.append(status)
        }
        update.entries += corrected(firing: Set(observations.map(\.key)), history: history, log: log, revisions: revisions)
        return update
    }

    /// Sets the status a key firing this period has after `base`, the decision it follows.
    private func carry(_ base: AuditEntry?, into status: inout AlertStatus) {
        guard let base else { return }
        let earlier = base.period < period
        func reopen(_ reason: String, repeat isRepeat: Bool = false) {
            status.status = .open
            status.reason = reason
            status.since = period
            status.isRepeat = isRepeat
        }
        func hold() {
            status.status = base.to
            status.reason = base.reason
            status.since = base.period
            status.carriedFrom = earlier && base.to.canExpire ? base.period : nil
        }
        switch base.to {
        case .open, .inReview:
            hold()
        case .explained, .falseAlarm:
            if let until = base.validUntil, period > until {
                reopen("\(period)：\(base.period)的\(base.to.zh)有效至\(until)，已过期，重新待核实")
            } else if let decided = base.decidedValue, let observed = status.observed, !within(observed, of: decided) {
                reopen("\(period)：本期值\(Self.figure(observed))超出\(base.period)决定时的\(Self.figure(decided))±\(Self.figure(band * 100))%，重新待核实")
            } else {
                hold()
            }
        case .confirmed:
            if earlier { reopen("回头看：\(base.period)核实属实，本期再次触发", repeat: true) } else { hold() }
        case .corrected:
            reopen(earlier ? "回头看：\(base.period)已更正，本期再次触发" : "\(period)：重新装载后再次触发", repeat: earlier)
        }
    }

    /// Whether `value` lies within the band around `decided` (a decided zero holds only for zero).
    func within(_ value: Double, of decided: Double) -> Bool {
        guard decided != 0 else { return value == 0 }
        return abs(value - decided) <= band * abs(decided) * (1 + 1e-12)
    }

    /// The `corrected` entries of keys that stopped firing on this reload after their enterprise changed figures.
    private func corrected(
        firing: Set<AlertKey>, history: AlertHistory, log: [AlertKey: [AuditEntry]], revisions: [FigureRevision]
    ) -> [AuditEntry] {
        let revised = Dictionary(grouping: revisions, by: \.creditCode)
        return history.previousLoad.compactMap { previous -> AuditEntry? in
            guard !firing.contains(previous.key), let code = previous.key.creditCode, let changes = revised[code] else { return nil }
            let current = StatusLedger.latest(log[previous.key] ?? [], upTo: period)?.to ?? previous.status
            guard current.isUnresolved else { return nil }
            return AuditEntry(
                key: previous.key, period: period, at: at, by: AuditEntry.loadAuthor, from: current, to: .corrected,
                reason: Self.evidence(changes, fields: previous.key.fields), decidedValue: previous.observed, isAutomatic: true)
        }
    }

    /// 重报后不再触发：the key's own fields' changes (else the enterprise's first three), old → new, and the file.
    static func evidence(_ changes: [FigureRevision], fields: [String]) -> String {
        let own = changes.filter { fields.contains($0.field) }
        let shown = (own.isEmpty ? Array(changes.prefix(3)) : own).map { "\($0.field) \(figure($0.old)) → \(figure($0.new))" }
        let file = changes.first.map { "（文件SHA-256 \($0.fileSHA256.prefix(12))）" } ?? ""
        return "重报后不再触发：" + shown.joined(separator: "，") + file
    }

    /// A figure in a reason: at most one decimal, no grouping; blank as `—`.
    static func figure(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let tenths = (value * 10).rounded()
        if tenths == (tenths / 10).rounded() * 10, abs(tenths) < 1e17 { return String(Int64(tenths / 10)) }
        return String(tenths / 10)
    }
}
