import ArgumentParser
import Foundation
import StatGuardCore
import StatGuardJob
import StatGuardReports
import StatGuardWorkflow

/// `statguard cases`: a loaded period's alert cases with their current statuses.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List a loaded period's alert cases with their statuses: one line per alert key.",
        discussion: """
            A case is every alert of one enterprise (or region) in one period: what one phone call settles. \
            Cases come highest score first. --format csv writes cases.csv's shape: fill in status, reason and by \
            in Excel and load it back with 'statguard triage --import'.
            """
    )

    /// The `--format` choices.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @OptionGroup var options: WorkflowOptions

    @Option(help: "The loaded period (YYYY-MM).")
    var period: String

    @Option(help: "Only keys with this status: open, in_review, confirmed, explained, false_alarm, corrected.")
    var status: String?

    @Option(help: "Only cases in this town (9-digit code), or any region code prefix.")
    var town: String?

    @Option(help: "Only keys whose case's 填报说明, name, code, key or status reason contains this text.")
    var search: String?

    @Option(help: "table (default), csv or json.")
    var format: Format = .table

    func validate() throws {
        guard Period(period) != nil else { throw ValidationError("'\(period)' is not a period such as 2024-03.") }
        if let status { _ = try TriageStatus.parsed(status) }
    }

    func run() throws {
        let pipeline = try options.load()
        let store = try options.open(pipeline, .reading)
        let filter = CaseQuery.Filter(status: try status.map(TriageStatus.parsed), region: town, search: search)
        let found: [AlertCase]?
        do { found = try CaseQuery(store: store).cases(of: Period(period)!, filter: filter) } catch {
            throw CommandFailure(status: .storeUnavailable, message: error.description)
        }
        guard let cases = found else {
            throw CommandFailure(status: .usage, message: "the period \(period) is not loaded in the store \(pipeline.storePath)")
        }
        let renderer = pipeline.findingRenderer
        switch format {
        case .table: print(CasesText.table(cases, renderer), terminator: "")
        case .csv: FileHandle.standardOutput.write(Data(CasesCSV.render(cases, renderer)))
        case .json: FileHandle.standardOutput.write(Data(CasesText.json(cases, renderer)))
        }
    }
}
