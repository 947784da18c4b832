import Foundation
import StatGuardCore

/// A statistician's decision on an alert key, before it is checked and logged.
public struct Decision: Sendable, Equatable {
    public var key: AlertKey
    public var status: TriageStatus
    public var reason: String
    /// Who decided (their name as the bureau knows it).
    public var by: String
    /// For `explained` and `false_alarm`: the last period the decision holds.
    public var validUntil: Period?
    /// For `confirmed`: the verified value (核实数).
    public var verifiedValue: Double?

    public init(key: AlertKey, status: TriageStatus, reason: String, by: String, validUntil: Period? = nil, verifiedValue: Double? = nil) {
        self.key = key
        self.status = status
        self.reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        self.by = by.trimmingCharacters(in: .whitespacesAndNewlines)
        self.validUntil = validUntil
        self.verifiedValue = verifiedValue
    }

    /// What is wrong with the decision on its own, or nil.
    public var problem: String? {
        if by.isEmpty { return "who decided is missing (by)" }
        if by == AuditEntry.loadAuthor { return "'\(by)' is reserved for the load's own changes; give your name (by)" }
        if status.needsReason && reason.isEmpty { return "\(status.rawValue) (\(status.zh)) needs a reason" }
        if validUntil != nil && !status.canExpire {
            return "valid_until applies to explained and false_alarm only, not to \(status.rawValue)"
        }
        if let value = verifiedValue {
            guard status == .confirmed else { return "verified_value applies to confirmed only, not to \(status.rawValue)" }
            guard value.isFinite else { return "verified_value must be a number" }
        }
        return nil
    }

    /// The audit entry this decision appends to an occurrence whose status is `current` (after
    /// the entry `latest`), nil when it changes nothing (the same status with no reason, period or
    /// value other than the standing ones), or a problem with the occurrence.
    func entry(on current: AlertStatus, latest: AuditEntry?, at: String) -> Result<AuditEntry?, DecisionProblem> {
        let unchanged = status == current.status && (reason.isEmpty || reason == current.reason)
            && (validUntil == nil || validUntil == latest?.validUntil) && (verifiedValue == nil || verifiedValue == latest?.verifiedValue)
        if unchanged { return .success(nil) }
        if let validUntil, validUntil < current.period {
            return .failure(DecisionProblem("valid_until \(validUntil) is before the key's period \(current.period)"))
        }
        return .success(AuditEntry(
            key: key, period: current.period, at: at, by: by, from: current.status, to: status, reason: reason,
            validUntil: validUntil, verifiedValue: verifiedValue, decidedValue: current.observed, isAutomatic: false))
    }
}

/// Why a decision cannot be taken, in one sentence.
struct DecisionProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
