import StatGuardCore

extension ConfirmedFigures {
    /// The figures the audit log holds confirmed wrong: for each key and period, when the
    /// last entry about it is `confirmed`, the key's report fields of its enterprise in that
    /// period (a later `corrected` or another decision lifts it).
    public init(auditLog entries: [AuditEntry]) {
        self.init()
        var last: [AlertKey: [Period: AuditEntry]] = [:]
        for entry in entries where last[entry.key]?[entry.period].map({ $0.id < entry.id }) ?? true {
            last[entry.key, default: [:]][entry.period] = entry
        }
        for (key, byPeriod) in last {
            guard let code = key.creditCode else { continue }
            for (period, entry) in byPeriod where entry.to == .confirmed {
                for field in key.fields { insert(period: period, creditCode: code, field: field) }
            }
        }
    }
}
