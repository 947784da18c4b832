import ArgumentParser
import Foundation
import StatGuardCore
import StatGuardJob
import StatGuardStore

/// `statguard run`: the monthly load job, for one period or a range.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Load a period (or a range of periods) into the store and write its reports.",
        discussion: """
            Reads the period's inputs named by the pipeline (reports and register required; products, \
            capacity and admin optional), quarantines rows failing structural rules, runs the checks, \
            replaces the period in the store in one transaction and writes \
            <reports>/<pipeline>/<YYYY-MM>/: alerts.csv, quarantine.csv, quality.md, run.json.
            """
    )

    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(help: "The period to load (YYYY-MM).")
    var period: String?

    @Option(help: "First period of a range to load in order (YYYY-MM).")
    var from: String?

    @Option(help: "Last period of the range (YYYY-MM).")
    var to: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        switch (period, from, to) {
        case (let single?, nil, nil):
            guard Period(single) != nil else { throw ValidationError("'\(single)' is not a period such as 2024-03.") }
        case (nil, let start?, let end?):
            guard let a = Period(start) else { throw ValidationError("'\(start)' is not a period such as 2023-02.") }
            guard let b = Period(end) else { throw ValidationError("'\(end)' is not a period such as 2024-12.") }
            guard a <= b else { throw ValidationError("--from \(start) comes after --to \(end).") }
        default:
            throw ValidationError("Give either --period YYYY-MM, or --from YYYY-MM and --to YYYY-MM.")
        }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        let periods: [Period]
        if let period, let single = Period(period) {
            periods = [single]
        } else {
            periods = pipeline.calendar.periods(from: Period(from!)!, through: Period(to!)!)
        }
        let job = MonthlyJob(
            pipeline: pipeline, logger: common.makeLogger(), progress: ProgressReporter(quiet: common.quiet),
            toolVersion: StatGuardVersion.current)
        var loaded: [Period] = []
        do {
            _ = try job.run(periods: periods) { outcome in
                loaded.append(outcome.period)
                print(Self.line(outcome))
            }
        } catch {
            var failure = CommandFailure(error)
            if periods.count > 1 {
                let failed = periods[loaded.count]
                let kept = loaded.isEmpty ? "no period was loaded" : "\(loaded.first!)…\(loaded.last!) (\(loaded.count) of \(periods.count)) stay loaded"
                failure.message = "\(failed) failed, \(kept): " + failure.message
            }
            throw failure
        }
    }

    /// The closing line of one loaded period.
    static func line(_ outcome: PeriodOutcome) -> String {
        var line = "\(outcome.period): \(outcome.rowsRead) rows read, \(outcome.rowsQuarantined) quarantined, \(outcome.findings) findings"
        if let rate = outcome.reportingRate { line += String(format: ", reporting rate %.1f%%", rate * 100) }
        if !outcome.skipped.isEmpty { line += "; skipped: \(outcome.skipped.joined(separator: ", "))" }
        return line + " → \(outcome.folder)"
    }
}
