import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardReports
import StatGuardRules

extension PipelineDefinition {
    /// Every rule this pipeline's findings may come from: the built-in catalog and the pipeline's own rules.
    public var findingCatalog: FindingCatalog {
        var catalog = CheckCatalog.catalog
        for rule in rules { catalog.add(rule.entry) }
        return catalog
    }

    /// Writes this pipeline's findings as text.
    public var findingRenderer: FindingRenderer { FindingRenderer(catalog: findingCatalog) }
}
