import ArgumentParser
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardIngest

/// `--pipeline FILE` plus the overrides that let the same pipeline run on any folder.
struct PipelineOptions: ParsableArguments {
    @Option(help: "The pipeline file (YAML), e.g. Pipelines/monthly-industry.yaml.")
    var pipeline: String

    @Option(help: "Input folder, overriding the pipeline's input.folder.")
    var data: String?

    @Option(help: "SQLite store path, overriding the pipeline's store.")
    var store: String?

    @Option(help: "Reports folder, overriding the pipeline's reports_folder.")
    var out: String?

    /// Loads the pipeline file (before any data is touched) and applies the overrides.
    func load() throws -> PipelineDefinition {
        var definition: PipelineDefinition
        do {
            definition = try PipelineLoader(knownChecks: CheckCatalog.entries).load(path: pipeline)
        } catch {
            throw CommandFailure(status: .usage, message: error.description)
        }
        if let data { definition.dataFolder = data }
        if let store { definition.storePath = store }
        if let out { definition.reportsFolder = out }
        return definition
    }
}
