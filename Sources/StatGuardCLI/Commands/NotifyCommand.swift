import ArgumentParser
import StatGuardCore
import StatGuardJob

/// `statguard notify`: re-sends a loaded period's digests, or shows them.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Push a loaded period's digest to the pipeline's channels (WeCom, DingTalk, Feishu, e-mail), or show it.",
        discussion: """
            Only new and reopened cases are news; keys a decision still settles are left out. Webhook URLs, signing \
            secrets and SMTP accounts come from the environment variables the pipeline names, never from the file, \
            and never appear in any output. Exits 0 when every channel took its digest, 6 when one did not.
            """
    )

    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(help: "The loaded period (YYYY-MM).")
    var period: String

    @Flag(name: .customLong("dry-run"), help: "Print what each channel would receive; send nothing.")
    var dryRun = false

    func validate() throws {
        guard Period(period) != nil else { throw ValidationError("'\(period)' is not a period such as 2024-03.") }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        guard !pipeline.notify.channels.isEmpty else {
            throw CommandFailure(status: .usage, message: "the pipeline names no channel under notify:")
        }
        let push = DigestPush(pipeline: pipeline)
        do {
            if dryRun {
                print(try push.dryRun(period: Period(period)!), terminator: "")
                return
            }
            let outcomes = try push.send(period: Period(period)!)
            for outcome in outcomes { print(outcome.description) }
            if outcomes.contains(where: { !$0.delivered }) {
                throw CommandFailure(status: .notDelivered, message: "a digest was not delivered (see above)")
            }
        } catch let error as JobError {
            throw CommandFailure(error)
        }
    }
}
