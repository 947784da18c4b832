import ArgumentParser
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
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
        let path: String
        if let store {
            path = store
        } else {
            do {
                path = try PipelineLoader(knownChecks: CheckCatalog.descriptors).load(path: pipeline!).storePath
            } catch {
                throw CommandFailure(status: .usage, message: error.description)
            }
        }
        guard case .success(let code) = CreditCode.parse(creditCode, allowCheckFailure: true) else { return }
        do {
            let series = try Store(path: path, writing: false).series(of: code)
            print(EnterpriseHistoryText.render(series), terminator: "")
        } catch {
            throw CommandFailure(status: .storeUnavailable, message: error.description)
        }
    }
}
