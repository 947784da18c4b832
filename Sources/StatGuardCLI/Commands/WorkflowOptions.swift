import ArgumentParser
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardJob
import StatGuardStore

/// `--pipeline FILE` and `--store PATH`: what `cases` and `triage` need to find a pipeline's alerts.
struct WorkflowOptions: ParsableArguments {
    @Option(help: "The pipeline file (YAML), e.g. Pipelines/monthly-industry.yaml.")
    var pipeline: String

    @Option(help: "SQLite store path, overriding the pipeline's store.")
    var store: String?

    /// Loads the pipeline file and applies `--store`.
    func load() throws -> PipelineDefinition {
        var definition: PipelineDefinition
        do {
            definition = try PipelineLoader(knownChecks: CheckCatalog.entries).load(path: pipeline)
        } catch {
            throw CommandFailure(status: .usage, message: error.description)
        }
        if let store { definition.storePath = store }
        return definition
    }

    /// Opens the pipeline's store for `access`; a store that cannot be opened is exit 4.
    func open(_ definition: PipelineDefinition, _ access: Store.Access) throws -> Store {
        do { return try Store(path: definition.storePath, access: access) } catch {
            throw CommandFailure(status: .storeUnavailable, message: error.description)
        }
    }
}

extension TriageStatus {
    /// The status named `text`, or a usage error naming the nearest status.
    static func parsed(_ text: String) throws -> TriageStatus {
        if let status = TriageStatus(rawValue: text) { return status }
        let names = allCases.map(\.rawValue)
        let hint = NearestName.suggestion(for: text, among: names).map { " Did you mean '\($0)'?" } ?? ""
        throw ValidationError("Unknown status '\(text)'.\(hint) Statuses: \(names.joined(separator: ", ")).")
    }
}
