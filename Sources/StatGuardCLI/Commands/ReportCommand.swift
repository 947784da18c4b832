import ArgumentParser
import StatGuardCore
import StatGuardJob

/// `statguard report`: rebuilds a loaded period's reports from the store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild the reports of a loaded period from the store, without reading input files.",
        discussion: "Writes the same bytes the run wrote: alerts, quarantine, quality, summary and run.json."
    )

    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(help: "The loaded period (YYYY-MM).")
    var period: String

    func validate() throws {
        guard Period(period) != nil else { throw ValidationError("'\(period)' is not a period such as 2024-03.") }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        do {
            print(try ReportRebuild(pipeline: pipeline).run(period: Period(period)!))
        } catch {
            throw CommandFailure(error)
        }
    }
}
