import StatGuardCore
import StatGuardReports
@testable import StatGuardRules

extension RuleDefinition {
    /// Writes this rule's findings as the reports do, from its catalog entry.
    var renderer: FindingRenderer { FindingRenderer(catalog: FindingCatalog([entry])) }
}
