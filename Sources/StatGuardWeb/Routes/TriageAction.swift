import StatGuardCore
import StatGuardWorkflow

/// A triage decision from the form or the API, checked against the user's region before the
/// workflow records it under the user's name.
extension Workbench {
    /// What deciding did.
    enum TriageOutcome {
        case recorded(AuditEntry)
        case unchanged
        /// The key is unknown, or outside the user's region (the two answer alike).
        case notFound
        case refused(String)
    }

    /// Records `status` on `keyText` for `user`. `validUntil` and `verifiedValue` come as typed text ("" = none).
    func triage(
        user: SignedIn, keyText: String, status statusText: String, reason: String, validUntil: String, verifiedValue: String,
        period: Period?
    ) -> TriageOutcome {
        guard let key = AlertKey(keyText) else { return .refused("'\(keyText)' is not an alert key") }
        guard let status = TriageStatus(rawValue: statusText) else { return .refused("unknown status '\(statusText)'") }
        guard let region = region(of: key, period: period), user.account.covers(regionCode: region) else { return .notFound }
        var until: Period?
        if !validUntil.isEmpty {
            guard let parsed = Period(validUntil) else { return .refused("'\(validUntil)' is not a period such as 2025-06") }
            until = parsed
        }
        var verified: Double?
        if !verifiedValue.isEmpty {
            guard let number = Double(verifiedValue), number.isFinite else { return .refused("'\(verifiedValue)' is not a number") }
            verified = number
        }
        let decision = Decision(key: key, status: status, reason: reason, by: user.account.name, validUntil: until, verifiedValue: verified)
        do {
            return try Triage(store: data.store).decide(decision).map(TriageOutcome.recorded) ?? .unchanged
        } catch {
            return .refused(error.description)
        }
    }

    /// The region of a key's subject: a region code as it is, an enterprise's from its case in
    /// `period` (or its latest finding).
    func region(of key: AlertKey, period: Period?) -> String? {
        guard let code = key.creditCode else { return key.subject }
        if let period, let cases = try? data.allCases(period), let found = cases.first(where: { $0.creditCode == code }) {
            return found.regionCode
        }
        return (try? data.store.regionOfFindings(code)) ?? nil
    }
}
