import ArgumentParser
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardJob
import StatGuardReports
import StatGuardStore

/// `statguard history`: one enterprise's stored series and findings.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show an enterprise's stored reports, admin data and findings, to verify an alert."
    )

    @Option(help: "The enterprise's 18-character credit code.")
    var creditCode: String

    @Option(help: "The SQLite store. Default: the store of --pipeline.")
    var store: String?

    @Option(help: "A pipeline file whose store to read (when --store is not given).")
    var pipeline: String?

    func validate() throws {
        guard case .success = CreditCode.parse(creditCode, allowCheckFailure: true) else {
            throw ValidationError("'\(creditCode)' is not an 18-character credit code.")
        }
        if store == nil && pipeline == nil { throw ValidationError("Give --store PATH or --pipeline FILE.") }
    }

    func run() throws {
        var path = store ?? ""
        // The pipeline's own rules join the built-in catalog, so their findings read as the run wrote them.
        var renderer = FindingRenderer(catalog: CheckCatalog.catalog)
        if let pipeline {
            do {
                let definition = try PipelineLoader(knownChecks: CheckCatalog.entries).load(path: pipeline)
                if store == nil { path = definition.storePath }
                renderer = definition.findingRenderer
            } catch {
                throw CommandFailure(status: .usage, message: error.description)
            }
        }
        guard case .success(let code) = CreditCode.parse(creditCode, allowCheckFailure: true) else { return }
        do {
            let series = try Store(path: path, writing: false).series(of: code)
            print(EnterpriseHistoryText.render(series, renderer), terminator: "")
        } catch {
            throw CommandFailure(status: .storeUnavailable, message: error.description)
        }
    }
}
