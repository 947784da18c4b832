extension FindingCatalog {
    /// The figure a finding observed: the value of the first slot of its message's `observed`
    /// template (`{output:千元}` → the output), nil when that slot is text or missing.
    /// Decisions are taken on this value, and the carry-over compares next period's with it.
    public func observedValue(of finding: Finding) -> Double? {
        guard let message = self[finding.ruleID]?.message(finding.variant),
              let slot = message.observed.slotNames.first,
              let value = finding.slots[slot]?.number, value.isFinite
        else { return nil }
        return value
    }
}
