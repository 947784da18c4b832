import Dispatch
import StatGuardConfig
import StatGuardCore
import StatGuardNotify
import StatGuardReports
import StatGuardStore

extension MonthlyJob {
    /// Pushes the period's digest to the pipeline's channels, keeps what each delivery did
    /// in the store, and writes it into the staged quality.md and notify.json.
    ///
    /// A push never changes the load's result: a failed channel is a warning on stderr and
    /// a line in quality.md. Nothing here names a URL, key or secret.
    func push(_ reports: PeriodReports, store: Store, folder: PeriodReportFolder) throws(JobError) {
        let channels = pipeline.notify.channels
        guard !channels.isEmpty else { return }
        let digest = DigestBuilder.digest(reports, pipeline: pipeline)
        let outcomes = Self.sendBlocking(digest, to: channels, notifier: notifier)
        let records = outcomes.map(DeliveryRecord.init)
        for outcome in outcomes where !outcome.delivered {
            logger.warning("digest not delivered", metadata: ["channel": "\(outcome.channel)", "outcome": "\(outcome.description)"])
        }
        do throws(StoreError) { try store.recordDeliveries(records, period: reports.period) } catch {
            logger.warning("delivery outcomes not kept", metadata: ["error": "\(error)"])
        }
        var delivered = reports
        delivered.deliveries = records
        try delivered.writeDeliveries(into: folder, pipeline: pipeline)
    }

    /// Runs the notifier's async send to its end from synchronous code.
    static func sendBlocking(_ digest: Digest, to channels: [ChannelConfig], notifier: Notifier) -> [DeliveryOutcome] {
        let done = Handoff<[DeliveryOutcome]>()
        Task { done.put(await notifier.send(digest, to: channels)) }
        return done.wait()
    }
}

extension DeliveryRecord {
    /// The record of a notifier's outcome.
    init(_ outcome: DeliveryOutcome) {
        self.init(
            channel: outcome.channel, kind: outcome.kind.rawValue, partsSent: outcome.partsSent, partsTotal: outcome.partsTotal,
            attempts: outcome.attempts, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, permanent: outcome.permanent)
    }
}
