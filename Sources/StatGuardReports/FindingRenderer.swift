import StatGuardCore

/// Writes findings as text from the catalog: their messages in Chinese or English
/// and their `observed` and `expected` columns. Every report, `statguard history`,
/// and later the web page and the digests, write a finding's sentence through this
/// one type, so the same stored slots give the same sentence everywhere.
public struct FindingRenderer: Sendable {
    /// A language a message is written in.
    public enum Language: Sendable {
        case zh, en
    }

    public let catalog: FindingCatalog
    /// Names of region codes: `{town:region}` slots and region findings show `达川区 511703`.
    public let regions: RegionNames

    public init(catalog: FindingCatalog, regions: RegionNames = RegionNames()) {
        self.catalog = catalog
        self.regions = regions
    }

    /// Who the finding is about: the enterprise's name, or the region's name and code when the names know it.
    public func subject(_ finding: Finding) -> String {
        guard finding.scope == .region, let name = regions[finding.regionCode] else { return finding.name }
        return "\(name) \(finding.regionCode)"
    }

    /// The finding's message.
    public func message(_ finding: Finding, _ language: Language) -> String {
        guard let message = catalog[finding.ruleID]?.message(finding.variant) else { return fallback(finding) }
        return render(language == .zh ? message.zh : message.en, finding.slots, language)
    }

    /// The value seen, as alerts.csv's `observed` column shows it.
    public func observed(_ finding: Finding) -> String {
        guard let message = catalog[finding.ruleID]?.message(finding.variant) else { return "" }
        return render(message.observed, finding.slots, .en)
    }

    /// The value or range expected, as alerts.csv's `expected` column shows it.
    public func expected(_ finding: Finding) -> String {
        guard let message = catalog[finding.ruleID]?.message(finding.variant) else { return "" }
        return render(message.expected, finding.slots, .en)
    }

    /// The rule's title, or its id when the catalog does not know it.
    public func title(_ ruleID: RuleID, _ language: Language) -> String {
        guard let entry = catalog[ruleID] else { return ruleID.rawValue }
        return language == .zh ? entry.title.zh : entry.title.en
    }

    /// `template` with its slots filled from `slots`; a slot the finding lacks shows as `—`.
    public func render(_ template: FindingTemplate, _ slots: FindingSlots, _ language: Language) -> String {
        var text = ""
        for part in template.parts {
            switch part {
            case .literal(let literal):
                text += literal
            case .slot(let name, let format):
                text += slots[name].map { write($0, format, language) } ?? "—"
            }
        }
        return text
    }

    /// One slot value in its format.
    func write(_ value: SlotValue, _ format: FindingTemplate.Format, _ language: Language) -> String {
        switch value {
        case .text(let text):
            if format == .region { return regions.label(text) }
            if format == .list {
                return text.split(separator: "+").map { FieldLabels.label(String($0), language) }.joined(separator: language == .zh ? "、" : ", ")
            }
            guard format == .field || format == .capitalizedField else { return text }
            let label = FieldLabels.label(text, language)
            return format == .capitalizedField ? label.prefix(1).uppercased() + label.dropFirst() : label
        case .number(let number):
            switch format {
            case .amount, .plain, .text, .field, .capitalizedField, .list, .region: return NumberText.amount(number)
            case .percent: return NumberText.percent(number)
            case .fixed(let decimals): return NumberText.fixed(number, decimals: decimals)
            case .integer: return NumberText.integer(number)
            }
        }
    }

    /// What a finding of an unknown rule (one dropped from the catalog since it was stored) shows.
    private func fallback(_ finding: Finding) -> String {
        let values = zip(finding.slots.names, finding.slots.values).map { name, value in
            "\(name)=\(write(value, .plain, .en))"
        }
        return "\(finding.ruleID) \(finding.indicator): " + values.joined(separator: ", ")
    }
}
